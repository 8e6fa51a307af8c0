// post.*, author.*, category.*, tag.* and feed.retrieve against a real Ghee server. The posts are
// made here through post.create, so the test does not depend on what the demo seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/databases.js';
import { demoSocketServer, type SocketServer } from '../../test/helpers/socket-server.js';
import type { GheeClient, Post } from '../src/index.js';
import { gheeClient, rejection } from './helpers/ghee.js';

const OWNER = 'owner@demo.invalid';
const OLDER = 'client-older-post';
const NEWER = 'client-newer-post';

describe.each(DIALECTS)('client blog against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  let client: GheeClient;
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
    client = gheeClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The one post of ours with that slug, read back. */
  const read = async (slug: string) => (await client.post.retrieve(slug)).data;
  const tagSlug = async () => (await read(OLDER)).data.tags[0]!.slug;

  it('post.create: 202 pending; the post reads back with its author, categories and tags', async () => {
    const base = {
      status: 'published' as const,
      author: { email: OWNER },
      categories: ['Client News'],
      tags: ['Client Test'],
    };
    const res = await client.post.create({
      ...base,
      title: 'Older clarified post',
      slug: OLDER,
      summary: 'First',
      body: '<p>Zanzibar <script>x()</script></p>',
    });
    expect(res).toMatchObject({ status: 202, data: { status: 'pending' } });
    await new Promise((resolve) => setTimeout(resolve, 20)); // distinct publication times
    await client.post.create({
      ...base,
      title: 'Newer clarified post',
      slug: NEWER,
      summary: 'Second',
      body: '<p>Second</p>',
      featured_image_alt: 'alt',
    });
    const older = await read(OLDER);
    expect(older.data).toMatchObject({
      slug: OLDER,
      title: 'Older clarified post',
      status: 'published',
      summary: 'First',
      url: `/${OLDER}`,
    });
    expect(older.data.body).toBe('<p>Zanzibar </p>');
    expect(older.data.author.email).toBe(OWNER);
    expect(older.data.categories.map((c) => c.name)).toEqual(['Client News']);
    expect(older.data.tags.map((t) => t.name)).toEqual(['Client Test']);
  });

  it('post.retrieve: meta links the newer and the older post', async () => {
    const older = await read(OLDER);
    const newer = await read(NEWER);
    expect(older.meta.next_post).toEqual({
      slug: NEWER,
      title: 'Newer clarified post',
      featured_image: expect.anything(),
    });
    expect(newer.meta.previous_post?.slug).toBe(OLDER);
    expect(newer.meta.next_post).toBeNull();
    expect(await rejection(client.post.retrieve('no-such-post'))).toMatchObject({
      status: 404,
      detail: 'Post matching query does not exist',
    });
  });

  it('post.list: newest first, filtered by tag, category and author, body left out on request', async () => {
    const tag = await tagSlug();
    const byTag = await client.post.list({ tag_slug: tag, exclude_body: true });
    expect(byTag.data.meta).toEqual({ count: 2, next_page: null, previous_page: null });
    expect(byTag.data.data.map((p: Post) => p.slug)).toEqual([NEWER, OLDER]);
    expect(byTag.data.data.every((p) => !('body' in p))).toBe(true);
    const category = (await read(OLDER)).data.categories[0]!.slug;
    expect((await client.post.list({ category_slug: category, page_size: 1 })).data.meta).toMatchObject({
      count: 2,
      next_page: 2,
    });
    const author = (await read(OLDER)).data.author.slug;
    expect((await client.post.list({ author_slug: author })).data.data.map((p) => p.slug)).toEqual(
      expect.arrayContaining([NEWER, OLDER]),
    );
    expect((await client.post.list({ tag_slug: 'no-such-tag' })).data.data).toEqual([]);
  });

  it('post.search: title, summary and body', async () => {
    const res = await client.post.search('zanzibar');
    expect(res.data.data.map((p) => p.slug)).toEqual([OLDER]);
  });

  it('author.list / author.retrieve with recent_posts', async () => {
    const authors = await client.author.list();
    const owner = authors.data.data.find((a) => a.email === OWNER)!;
    expect(owner).toBeDefined();
    const res = await client.author.retrieve(owner.slug, { include: 'recent_posts' });
    expect(res.data.data.slug).toBe(owner.slug);
    expect(res.data.data.recent_posts?.map((p) => p.slug)).toEqual(expect.arrayContaining([NEWER, OLDER]));
    expect(await rejection(client.author.retrieve('no-such-author'))).toMatchObject({
      status: 404,
      detail: 'Not found',
    });
  });

  it('category.list / category.retrieve and tag.list / tag.retrieve', async () => {
    const tag = await tagSlug();
    const category = (await read(OLDER)).data.categories[0]!.slug;
    expect((await client.category.list()).data.data).toEqual(
      expect.arrayContaining([{ name: 'Client News', slug: category }]),
    );
    const oneCategory = await client.category.retrieve(category, { include: 'recent_posts' });
    expect(oneCategory.data.data).toMatchObject({ name: 'Client News', slug: category });
    expect(oneCategory.data.data.recent_posts?.map((p) => p.slug)).toEqual([NEWER, OLDER]);
    expect((await client.tag.list()).data.data).toEqual(expect.arrayContaining([{ name: 'Client Test', slug: tag }]));
    expect((await client.tag.retrieve(tag)).data.data).toEqual({ name: 'Client Test', slug: tag });
    expect(await rejection(client.tag.retrieve('no-such-tag'))).toMatchObject({ status: 404, detail: 'Not found' });
  });

  it('feed.retrieve: rss, atom and sitemap as XML strings, filtered by tag', async () => {
    const tag = await tagSlug();
    for (const type of ['rss', 'atom', 'sitemap'] as const) {
      const res = await client.feed.retrieve(type, { tag_slug: tag });
      expect(typeof res.data.data).toBe('string');
      expect(res.data.data.startsWith('<?xml')).toBe(true);
      expect(res.data.data).toContain(NEWER);
    }
  });

  it('post.update changes only what is sent; post.delete removes the post', async () => {
    expect(await client.post.update(OLDER, { summary: 'Changed' })).toMatchObject({ status: 202 });
    expect((await read(OLDER)).data).toMatchObject({ summary: 'Changed', title: 'Older clarified post' });
    expect(await client.post.delete(OLDER)).toMatchObject({ status: 204, data: null });
    expect(await rejection(client.post.retrieve(OLDER))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await read(NEWER)).meta.previous_post?.slug).not.toBe(OLDER);
  });
});
