import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { demoAuthor } from '../src/seed/demo-post-content.js';
import { AUTHOR_KEYS, DAY_MS, demoSlugs, movableClock, POST_KEYS, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Authors, categories and tags: lists (no meta), details, include=recent_posts, 404 `Not found`;
// categories and tags created on first use by name; every account's default author.

const slugs = (posts: { slug: string }[]) => posts.map((p) => p.slug);
const NOT_FOUND = { detail: 'Not found' };

describe.each(DIALECTS)('authors (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  it('lists the authors oldest first: the owner (the default author), then the demo author', async () => {
    const r = await s.get('/v2/authors/');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['data']);
    expect(r.body.data.map((a: { slug: string }) => a.slug)).toEqual(['demo', 'gita-ghee']);
    for (const author of r.body.data) expect(Object.keys(author)).toEqual(AUTHOR_KEYS);
    expect(r.body.data[0]).toEqual({
      first_name: 'Demo',
      last_name: '',
      email: 'owner@demo.invalid',
      slug: 'demo',
      bio: '',
      title: '',
      linkedin_url: '',
      facebook_url: '',
      instagram_url: '',
      pinterest_url: '',
      twitter_handle: '',
      profile_image: '',
    });
  });

  it('retrieves one author, with recent_posts on request: published only, newest first, full posts', async () => {
    const plain = await s.get('/v2/authors/gita-ghee/');
    expect(plain.body.data).toMatchObject({
      slug: 'gita-ghee',
      first_name: 'Gita',
      email: demoAuthor.email,
      bio: demoAuthor.bio,
    });
    expect(plain.body.data).not.toHaveProperty('recent_posts');
    const r = await s.get('/v2/authors/gita-ghee/?include=recent_posts');
    expect(Object.keys(r.body.data)).toEqual([...AUTHOR_KEYS, 'recent_posts']);
    expect(slugs(r.body.data.recent_posts)).toEqual(demoSlugs((p) => p.author === 'gita-ghee'));
    expect(Object.keys(r.body.data.recent_posts[0])).toEqual([...POST_KEYS, 'deleted']);
    expect(r.body.data.recent_posts[0].deleted).toBeNull();
    const list = await s.get('/v2/authors/?include=recent_posts');
    expect(slugs(list.body.data[0].recent_posts)).toEqual(demoSlugs((p) => p.author === 'demo'));
    expect(list.body.data[1].recent_posts).toEqual(r.body.data.recent_posts);
  });

  it('holds at most ten recent posts, and the scheduled one once it is due', async () => {
    // A second apart, so that the order is by time alone.
    const write = async (i: number) => {
      clock.advance(1000);
      await s.send('POST', '/v2/posts/', postBody(`by-owner-${i}`, { author: { slug: 'demo' } }));
    };
    for (let i = 0; i < 4; i++) await write(i);
    await s.send('POST', '/v2/posts/', postBody('owner-draft', { status: 'draft' }));
    const owner = (await s.get('/v2/authors/demo/?include=recent_posts')).body.data.recent_posts;
    expect(owner).toHaveLength(7);
    for (let i = 4; i < 12; i++) await write(i);
    const full = (await s.get('/v2/authors/demo/?include=recent_posts')).body.data.recent_posts;
    expect(slugs(full)).toEqual([
      'by-owner-11',
      'by-owner-10',
      'by-owner-9',
      'by-owner-8',
      'by-owner-7',
      'by-owner-6',
      'by-owner-5',
      'by-owner-4',
      'by-owner-3',
      'by-owner-2',
    ]);
    expect(slugs((await s.get('/v2/authors/gita-ghee/?include=recent_posts')).body.data.recent_posts)).not.toContain(
      'winter-menu',
    );
    clock.advance(31 * DAY_MS);
    expect(slugs((await s.get('/v2/authors/gita-ghee/?include=recent_posts')).body.data.recent_posts)[0]).toBe(
      'winter-menu',
    );
  });

  it('answers 404 Not found for an unknown author, and 405 for writes', async () => {
    for (const slug of ['nobody', 'Demo', 'demo%00']) {
      const r = await s.get(`/v2/authors/${slug}/`);
      expect({ slug, status: r.status, body: r.body }).toEqual({ slug, status: 404, body: NOT_FOUND });
    }
    expect((await s.send('POST', '/v2/authors/', {})).status).toBe(405);
    expect((await s.get('/v2/authors/', null)).status).toBe(401);
  });

  it("gives every new account its owner as default author, and shows no other account's", async () => {
    const other = await createAccount(s.store.db, { name: 'Acme Blog', email: 'Boss@Acme.example' });
    const authors = (await s.get('/v2/authors/', other.read_token)).body.data;
    expect(authors).toEqual([
      expect.objectContaining({ first_name: 'Acme Blog', email: 'boss@acme.example', slug: 'acme-blog' }),
    ]);
    expect((await s.get('/v2/authors/gita-ghee/', other.read_token)).status).toBe(404);
    expect((await s.send('POST', '/v2/posts/', postBody('acme-first'), other.write_token)).status).toBe(202);
    expect((await s.get('/v2/posts/acme-first/', other.read_token)).body.data.author.slug).toBe('acme-blog');
  });
});

describe.each(DIALECTS)('categories and tags (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  it('lists categories and tags by slug as {name, slug}, without meta', async () => {
    expect((await s.get('/v2/categories/')).body).toEqual({
      data: [
        { name: 'Kitchen science', slug: 'kitchen-science' },
        { name: 'News', slug: 'news' },
        { name: 'Recipes', slug: 'recipes' },
      ],
    });
    expect((await s.get('/v2/tags/')).body).toEqual({
      data: ['butter', 'ghee', 'quick', 'release', 'vegetarian'].map((t) => ({ name: t, slug: t })),
    });
  });

  it('retrieves one with recent_posts on request; unknown slugs are 404 Not found', async () => {
    expect((await s.get('/v2/categories/news/')).body).toEqual({ data: { name: 'News', slug: 'news' } });
    const news = (await s.get('/v2/categories/news/?include=recent_posts')).body.data;
    expect(Object.keys(news)).toEqual(['name', 'slug', 'recent_posts']);
    expect(slugs(news.recent_posts)).toEqual(demoSlugs((p) => p.categories.includes('News')));
    const tag = (await s.get('/v2/tags/vegetarian/?include=recent_posts')).body.data;
    expect(slugs(tag.recent_posts)).toEqual(demoSlugs((p) => p.tags.includes('vegetarian')));
    const all = (await s.get('/v2/tags/?include=recent_posts')).body.data;
    expect(all.find((t: { slug: string }) => t.slug === 'vegetarian')).toEqual(tag);
    expect(
      all.find((t: { slug: string }) => t.slug === 'butter').recent_posts.map((p: { slug: string }) => p.slug),
    ).not.toContain('ghee-ice-cream');
    for (const path of ['/v2/categories/nope/', '/v2/tags/nope/', '/v2/categories/News/', '/v2/tags/%00/']) {
      const r = await s.get(path);
      expect({ path, status: r.status, body: r.body }).toEqual({ path, status: 404, body: NOT_FOUND });
    }
    expect((await s.get('/v2/categories/news/?include=everything')).body).toEqual({
      data: { name: 'News', slug: 'news' },
    });
  });

  it('creates categories and tags on first use by name, with slugs made from the name', async () => {
    await s.send(
      'POST',
      '/v2/posts/',
      postBody('firsts', { categories: ['Crème Brûlée', 'News'], tags: ['日本', 'C++', 'News!'] }),
    );
    expect((await s.get('/v2/posts/firsts/')).body.data).toMatchObject({
      categories: [
        { name: 'Crème Brûlée', slug: 'creme-brulee' },
        { name: 'News', slug: 'news' },
      ],
      tags: [
        { name: '日本', slug: 'tag' },
        { name: 'C++', slug: 'c' },
        { name: 'News!', slug: 'news' },
      ],
    });
    // Another name with a slug already taken gets the next free one; the same name is reused.
    clock.advance(1000);
    await s.send(
      'POST',
      '/v2/posts/',
      postBody('seconds', { categories: ['Creme brulee', 'Crème Brûlée'], tags: ['C'] }),
    );
    expect((await s.get('/v2/posts/seconds/')).body.data).toMatchObject({
      categories: [
        { name: 'Creme brulee', slug: 'creme-brulee-2' },
        { name: 'Crème Brûlée', slug: 'creme-brulee' },
      ],
      tags: [{ name: 'C', slug: 'c-2' }],
    });
    expect((await s.get('/v2/categories/')).body.data).toHaveLength(5);
    expect(
      (await s.get('/v2/categories/creme-brulee/?include=recent_posts')).body.data.recent_posts.map(
        (p: { slug: string }) => p.slug,
      ),
    ).toEqual(['seconds', 'firsts']);
  });

  it("keeps each account's categories and tags apart", async () => {
    const other = await createAccount(s.store.db, { name: 'Other taxonomy' });
    expect((await s.get('/v2/categories/', other.read_token)).body).toEqual({ data: [] });
    expect((await s.get('/v2/tags/ghee/', other.read_token)).status).toBe(404);
    await s.send('POST', '/v2/posts/', postBody('theirs', { categories: ['News'] }), other.write_token);
    expect(
      (await s.get('/v2/categories/news/?include=recent_posts', other.read_token)).body.data.recent_posts.map(
        (p: { slug: string }) => p.slug,
      ),
    ).toEqual(['theirs']);
    expect((await s.get('/v2/posts/?category_slug=news')).body.data.map((p: { slug: string }) => p.slug)).not.toContain(
      'theirs',
    );
  });
});
