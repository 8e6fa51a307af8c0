import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { demoAuthor } from '../src/seed/demo-post-content.js';
import {
  AUTHOR_KEYS,
  DAY_MS,
  demoPost,
  demoSlugs,
  movableClock,
  POST_KEYS,
  publishedDemo,
  TIMESTAMP,
} from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// GET /v2/posts/ and /v2/posts/<slug>/ (docs/api.md §1, §3, §8, §9) on the demo blog: ten
// published posts, one scheduled a month ahead, one draft.

const slugs = (body: { data: { slug: string }[] }) => body.data.map((p) => p.slug);
const NEWEST = demoSlugs();

describe.each(DIALECTS)('post reads (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  it('lists published posts newest first, ten a page, with page meta', async () => {
    const r = await s.get('/v2/posts/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.body.meta).toEqual({ count: 10, next_page: null, previous_page: null });
    expect(slugs(r.body)).toEqual(NEWEST);
    const page2 = await s.get('/v2/posts/?page=2&page_size=4');
    expect(page2.body.meta).toEqual({ count: 10, next_page: 3, previous_page: 1 });
    expect(slugs(page2.body)).toEqual(NEWEST.slice(4, 8));
    const past = await s.get('/v2/posts/?page=9&page_size=4');
    expect(past.body).toEqual({ meta: { count: 10, next_page: null, previous_page: 8 }, data: [] });
  });

  it('paginates by limit and offset, with offset meta', async () => {
    const r = await s.get('/v2/posts/?limit=3&offset=3');
    expect(r.body.meta).toEqual({ count: 10, next_offset: 6, previous_offset: 0 });
    expect(slugs(r.body)).toEqual(NEWEST.slice(3, 6));
    const end = await s.get('/v2/posts/?limit=3&offset=9');
    expect(end.body.meta).toEqual({ count: 10, next_offset: null, previous_offset: 6 });
    expect(slugs(end.body)).toEqual(NEWEST.slice(9));
  });

  it('shapes the post object exactly: key order, timestamps, url, author, tags and categories', async () => {
    const post = (await s.get('/v2/posts/?page_size=100')).body.data.find(
      (p: { slug: string }) => p.slug === 'make-your-own-ghee',
    );
    expect(Object.keys(post)).toEqual(POST_KEYS);
    const demo = demoPost('make-your-own-ghee');
    expect(post).toMatchObject({
      status: 'published',
      published: '2025-05-19T09:00:00.000000Z',
      scheduled: null,
      title: demo.title,
      slug: demo.slug,
      body: demo.body,
      summary: demo.summary,
      seo_title: demo.title,
      meta_description: demo.summary,
      featured_image: '',
      featured_image_alt: '',
      url: '/make-your-own-ghee',
    });
    for (const key of ['created', 'updated', 'published']) expect(post[key]).toMatch(TIMESTAMP);
    expect(Object.keys(post.author)).toEqual(AUTHOR_KEYS);
    expect(post.author).toEqual({
      first_name: 'Gita',
      last_name: 'Ghee',
      email: demoAuthor.email,
      slug: 'gita-ghee',
      bio: demoAuthor.bio,
      title: demoAuthor.title,
      linkedin_url: demoAuthor.linkedinUrl,
      facebook_url: '',
      instagram_url: '',
      pinterest_url: '',
      twitter_handle: 'gitaghee',
      profile_image: '',
    });
    expect(post.categories).toEqual([
      { name: 'Recipes', slug: 'recipes' },
      { name: 'Kitchen science', slug: 'kitchen-science' },
    ]);
    expect(post.tags).toEqual([{ name: 'ghee', slug: 'ghee' }]);
    expect(post).not.toHaveProperty('deleted');
  });

  it('drops the body with exclude_body=true (or 1), keeps it with 0', async () => {
    for (const flag of ['true', '1']) {
      const post = (await s.get(`/v2/posts/?exclude_body=${flag}`)).body.data[0];
      expect(Object.keys(post)).toEqual(POST_KEYS.filter((k) => k !== 'body'));
    }
    expect((await s.get('/v2/posts/?exclude_body=0')).body.data[0].body).toBe(demoPost(NEWEST[0]!).body);
  });

  it('filters by author, category and tag, combined with AND; no match is an empty list', async () => {
    expect(slugs((await s.get('/v2/posts/?author_slug=gita-ghee&page_size=100')).body)).toEqual(
      demoSlugs((p) => p.author === 'gita-ghee'),
    );
    expect(slugs((await s.get('/v2/posts/?author_slug=demo')).body)).toEqual(demoSlugs((p) => p.author === 'demo'));
    expect(slugs((await s.get('/v2/posts/?category_slug=kitchen-science')).body)).toEqual(
      demoSlugs((p) => p.categories.includes('Kitchen science')),
    );
    expect(slugs((await s.get('/v2/posts/?tag_slug=butter')).body)).toEqual(
      demoSlugs((p) => p.tags.includes('butter')),
    );
    const both = await s.get('/v2/posts/?author_slug=demo&tag_slug=ghee&category_slug=kitchen-science');
    expect(both.body.meta.count).toBe(1);
    expect(slugs(both.body)).toEqual(['storing-ghee']);
    for (const query of [
      'author_slug=nobody',
      'category_slug=',
      'tag_slug=Butter',
      'tag_slug=%00',
      'author_slug=demo&tag_slug=vegetarian',
    ]) {
      expect((await s.get(`/v2/posts/?${query}`)).body, query).toEqual({
        meta: { count: 0, next_page: null, previous_page: null },
        data: [],
      });
    }
  });

  it('preview=1 (or test=1) adds the scheduled post (it will be newest) and the draft (last)', async () => {
    for (const flag of ['preview=1', 'test=1', 'preview=true']) {
      const r = await s.get(`/v2/posts/?${flag}&page_size=100`);
      expect(r.body.meta.count).toBe(12);
      expect(slugs(r.body)).toEqual(['winter-menu', ...NEWEST, 'ghee-ice-cream']);
      expect(r.body.data[0]).toMatchObject({
        status: 'scheduled',
        published: null,
        scheduled: expect.stringMatching(TIMESTAMP),
      });
      expect(r.body.data[11]).toMatchObject({ status: 'draft', published: null, scheduled: null });
    }
    expect((await s.get('/v2/posts/?preview=0')).body.meta.count).toBe(10);
  });

  it('retrieves a post with "deleted": null and its neighbours as short posts', async () => {
    const r = await s.get('/v2/posts/ghee-vs-butter/');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['meta', 'data']);
    expect(Object.keys(r.body.data)).toEqual([...POST_KEYS, 'deleted']);
    expect(r.body.data).toMatchObject({
      slug: 'ghee-vs-butter',
      title: demoPost('ghee-vs-butter').title,
      deleted: null,
    });
    const i = NEWEST.indexOf('ghee-vs-butter');
    const short = (slug: string) => ({ slug, title: demoPost(slug).title, featured_image: '' });
    expect(r.body.meta).toEqual({ next_post: short(NEWEST[i - 1]!), previous_post: short(NEWEST[i + 1]!) });
    expect((await s.get(`/v2/posts/${NEWEST[0]}/`)).body.meta).toEqual({
      next_post: null,
      previous_post: short(NEWEST[1]!),
    });
    expect((await s.get(`/v2/posts/${NEWEST[9]}`)).body.meta).toEqual({
      next_post: short(NEWEST[8]!),
      previous_post: null,
    });
  });

  it('hides drafts and future posts without preview; shows them with it, neighbours in preview order', async () => {
    for (const slug of ['ghee-ice-cream', 'winter-menu']) {
      const r = await s.get(`/v2/posts/${slug}/`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ detail: 'Post matching query does not exist' });
    }
    const draft = await s.get('/v2/posts/ghee-ice-cream/?preview=1');
    expect(draft.body.data).toMatchObject({ status: 'draft', published: null, deleted: null });
    expect(draft.body.meta).toEqual({
      next_post: { slug: NEWEST[9], title: demoPost(NEWEST[9]!).title, featured_image: '' },
      previous_post: null,
    });
    const scheduled = await s.get('/v2/posts/winter-menu/?test=1');
    expect(scheduled.body.data.status).toBe('scheduled');
    expect(scheduled.body.meta).toEqual({
      next_post: null,
      previous_post: { slug: NEWEST[0], title: demoPost(NEWEST[0]!).title, featured_image: '' },
    });
    expect((await s.get(`/v2/posts/${NEWEST[0]}/?preview=1`)).body.meta.next_post.slug).toBe('winter-menu');
  });

  it('answers 404 for unknown, differently cased or impossible slugs', async () => {
    for (const slug of ['nope', 'Hello-World', 'hello-world%00', 'x'.repeat(3000), '%E2%9C%93']) {
      const r = await s.get(`/v2/posts/${slug}/`);
      expect({ slug, status: r.status, body: r.body }).toEqual({
        slug,
        status: 404,
        body: { detail: 'Post matching query does not exist' },
      });
    }
  });

  it('rejects bad pagination with the contract texts', async () => {
    const cases: [string, string][] = [
      ['page=0', 'page query parameter should be a positive integer'],
      ['page=abc', 'page query parameter should be a positive integer'],
      ['page_size=0', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'],
      ['page_size=101', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'],
      ['limit=0', 'limit query parameter should be an integer between 1 and 100 (inclusive)'],
      ['offset=-1', 'offset query parameter should be a non-negative integer'],
      ['page=1&limit=2', 'Use either page and page_size or limit and offset, not both'],
    ];
    for (const [query, detail] of cases) {
      const r = await s.get(`/v2/posts/?${query}`);
      expect({ query, status: r.status, body: r.body }).toEqual({ query, status: 400, body: { detail } });
    }
  });

  it('needs a token, answers 405 for other methods, and shows nothing of other accounts', async () => {
    const anon = await s.get('/v2/posts/', null);
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual({ detail: 'Authentication credentials were not provided' });
    const wrong = await s.send('DELETE', '/v2/posts/');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST, HEAD');
    expect(wrong.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    const other = await createAccount(s.store.db, { name: 'Other blog' });
    expect((await s.get('/v2/posts/', other.read_token)).body).toEqual({
      meta: { count: 0, next_page: null, previous_page: null },
      data: [],
    });
    expect((await s.get('/v2/posts/hello-world/', other.read_token)).status).toBe(404);
  });

  // Last: it moves the clock past the scheduled post's time.
  it('shows a scheduled post as published once its time has come, with no scheduler run', async () => {
    clock.advance(31 * DAY_MS);
    const r = await s.get('/v2/posts/');
    expect(r.body.meta.count).toBe(11);
    expect(r.body.data[0]).toMatchObject({ slug: 'winter-menu', status: 'published' });
    expect(r.body.data[0].published).toBe(r.body.data[0].scheduled);
    const detail = await s.get('/v2/posts/winter-menu/');
    expect(detail.body.data.status).toBe('published');
    expect(detail.body.meta.previous_post.slug).toBe(publishedDemo[0]!.slug);
    expect((await s.get('/v2/posts/?category_slug=news')).body.data[0].slug).toBe('winter-menu');
  });
});
