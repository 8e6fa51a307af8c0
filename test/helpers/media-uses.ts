import { expect } from 'vitest';
import { landingBody } from './landing-body.js';
import type { TestServer } from './server.js';

// Content of the demo account that uses a library file everywhere a file can be used: a page's
// media field and rich text (published in English, a newer draft in Spanish, a repeater row), a
// single page's rich text, a collection item's media field, and a post's featured image and body.

/** The file as the content mentions it: its absolute URL, its hash and its stored name. */
export interface UsedFile {
  url: string;
  name: string;
}

/** Rich text mentioning the file three ways: as itself, after an image task, and in a srcset. */
export function richText(file: UsedFile, origin = 'http://ghee.test'): string {
  const hash = file.name.slice(0, 64);
  const resized = `${origin}/media/resize=width:400/${hash}/old-name.png`;
  return `<p><img src="${file.url}" srcset="${resized} 400w, /media/${file.name}?v=2 800w" alt="" /></p>`;
}

/** Writes the content through /v2 with the demo write token; answers the item's and post's ids. */
export async function writeUses(s: TestServer, file: UsedFile): Promise<{ itemId: number; postId: number }> {
  const ok = async (p: Promise<{ status: number; body: unknown }>) => {
    const res = await p;
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  };
  const page = landingBody('uses', { headline: 'Uses', hero_image: file.url, body: richText(file) });
  await ok(s.send('POST', '/v2/pages/', { ...page, title: 'Uses' }));
  await ok(
    s.send('PATCH', '/v2/pages/landing_page/uses/?locale=es', {
      status: 'draft',
      fields: { headline: 'Usos', hero_image: file.url, faq: [{ question: '¿Dónde?', answer: richText(file) }] },
    }),
  );
  await ok(s.send('PATCH', '/v2/pages/*/homepage/', { fields: { intro: richText(file) } }));
  await ok(
    s.send('POST', '/v2/content/', {
      key: 'brands',
      status: 'published',
      fields: [{ name: 'Media Uses Inc', logo: file.url }],
    }),
  );
  await ok(
    s.send('POST', '/v2/posts/', {
      title: 'A post with a picture',
      slug: 'with-picture',
      status: 'published',
      featured_image: file.url,
      body: richText(file),
    }),
  );
  const item = await s.store.db
    .selectFrom('entries')
    .select('id')
    .where('account_id', '=', s.demo.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const post = await s.store.db
    .selectFrom('posts')
    .select('id')
    .where('slug', '=', 'with-picture')
    .executeTakeFirstOrThrow();
  return { itemId: item.id, postId: post.id };
}

/** A use's sort key, to compare lists whatever their order. */
export const useKey = (u: { kind: string; id: number; locale: string | null; path: string }) =>
  `${u.kind}:${u.id}:${u.locale}:${u.path}`;

/** Every use `writeUses` made, as where-used lists them. */
export function expectedUses(ids: { itemId: number; postId: number }, pageId: number, homeId: number) {
  const page = { kind: 'page', id: pageId, type: 'landing_page', slug: 'uses' };
  return [
    { ...page, title: 'Uses', locale: 'en', path: 'body' },
    { ...page, title: 'Uses', locale: 'en', path: 'hero_image' },
    { ...page, title: 'Uses', locale: 'es', path: 'faq.0.answer' },
    { ...page, title: 'Uses', locale: 'es', path: 'hero_image' },
    { kind: 'page', id: homeId, type: null, slug: 'homepage', title: expect.any(String), locale: 'en', path: 'intro' },
    {
      kind: 'collection_item',
      id: ids.itemId,
      type: 'brands',
      slug: null,
      title: 'Media Uses Inc',
      locale: 'en',
      path: 'logo',
    },
    {
      kind: 'post',
      id: ids.postId,
      type: null,
      slug: 'with-picture',
      title: 'A post with a picture',
      locale: null,
      path: 'featured_image',
    },
    {
      kind: 'post',
      id: ids.postId,
      type: null,
      slug: 'with-picture',
      title: 'A post with a picture',
      locale: null,
      path: 'body',
    },
  ];
}
