import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '../src/blog/authors/create-author.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Shapes as ButterCMS answers them (issue 17 items 3, 5, 6, 7): GET /v2/pages/ lists the single
// pages, pages carry `"scheduled"` beside `status`, authors list oldest first, and a post's `url`
// is `/<slug>` wherever a post appears (the contract's rule, kept where recorded ButterCMS
// answers differ: docs/api.md says how).

const PAGE_KEYS = ['slug', 'name', 'published', 'updated', 'page_type', 'scheduled', 'status', 'fields'];

type Page = Record<string, unknown> & { slug: string; fields: Record<string, any> };

describe.each(DIALECTS)('wire shapes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  describe('GET /v2/pages/ (item 3)', () => {
    it('lists the single pages, as GET /v2/pages/*/ does', async () => {
      const bare = await s.get('/v2/pages/');
      expect(bare.status).toBe(200);
      expect(bare.body).toEqual((await s.get('/v2/pages/*/')).body);
      expect(bare.body.data.map((p: Page) => p.slug)).toEqual(['homepage']);
      expect(bare.body.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    });

    it('answers without its trailing slash too', async () => {
      expect((await s.get('/v2/pages')).body).toEqual((await s.get('/v2/pages/*/')).body);
    });

    it('takes the parameters of the * list: pagination, levels, locale, preview', async () => {
      const r = await s.get('/v2/pages/?limit=1&offset=0&levels=1&locale=es&preview=1');
      expect(r.status).toBe(200);
      expect(r.body.meta).toEqual({ count: 1, next_offset: null, previous_offset: null });
      expect(r.body.data[0].fields.featured).toMatch(/\/v2\/pages\/landing_page\/launch\/$/);
    });

    it.for(['order=updated', 'fields=headline', 'fields.headline=x'])(
      'refuses %s as the * list does',
      async (query) => {
        const r = await s.get(`/v2/pages/?${query}`);
        expect({ status: r.status, body: r.body }).toEqual({
          status: 400,
          body: { detail: 'Invalid fields parameter' },
        });
      },
    );

    it('needs a token like every read', async () => {
      const r = await s.get('/v2/pages/', null);
      expect({ status: r.status, body: r.body }).toEqual({
        status: 401,
        body: { detail: 'Authentication credentials were not provided' },
      });
    });

    it('allows GET and POST on /v2/pages/, and says so in a 405', async () => {
      const r = await s.send('PUT', '/v2/pages/', {});
      expect({ status: r.status, body: r.body, allow: r.headers.allow }).toEqual({
        status: 405,
        body: { detail: 'Method "PUT" not allowed.' },
        allow: 'GET, POST, HEAD',
      });
    });
  });

  describe('pages carry "scheduled" (item 7)', () => {
    // Under preview a page also says when it goes off the air (docs/api.md §13.2).
    const expectPage = (page: Page, preview = false) => {
      expect(Object.keys(page)).toEqual(preview ? [...PAGE_KEYS.slice(0, -1), 'unpublish_at', 'fields'] : PAGE_KEYS);
      expect(page.scheduled).toBeNull();
    };

    it('a page of a page type', async () => {
      expectPage((await s.get('/v2/pages/landing_page/launch/')).body.data);
    });

    it('a single page through *', async () => {
      expectPage((await s.get('/v2/pages/*/homepage/')).body.data);
    });

    it('a draft under preview', async () => {
      expectPage((await s.get('/v2/pages/landing_page/coming-soon/?preview=1')).body.data, true);
    });

    it.for(['/v2/pages/landing_page/', '/v2/pages/*/', '/v2/pages/', '/v2/pages/search/?query=ghee'])(
      'every page of %s',
      async (url) => {
        const pages = (await s.get(url)).body.data as Page[];
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) expectPage(page);
      },
    );

    it('pages expanded from references, one and two hops away', async () => {
      const home = (await s.get('/v2/pages/*/homepage/?levels=3')).body.data;
      expectPage(home.fields.featured);
      for (const related of home.fields.featured.fields.related) expectPage(related);
    });

    it('not collection items: ButterCMS shows them with meta.id and their fields only', async () => {
      const brand = (await s.get('/v2/content/brands/')).body.data.brands[0];
      expect(Object.keys(brand)).toEqual(['meta', 'name', 'logo', 'website', 'founded', 'category']);
    });
  });

  describe('the authors list (item 6)', () => {
    it('lists authors in the order they were created, oldest first', async () => {
      await createAuthor(
        s.store.db,
        s.demo.id,
        { firstName: 'Zoe', lastName: 'Zed', email: 'zoe@example.com' },
        new Date(Date.now() + 1000),
      );
      await createAuthor(
        s.store.db,
        s.demo.id,
        { firstName: 'Abe', lastName: 'Able', email: 'abe@example.com' },
        new Date(Date.now() + 2000),
      );
      const r = await s.get('/v2/authors/');
      expect(r.body.data.map((a: { slug: string }) => a.slug)).toEqual(['demo', 'gita-ghee', 'zoe-zed', 'abe-able']);
    });

    it('keeps that order with include=recent_posts', async () => {
      const r = await s.get('/v2/authors/?include=recent_posts');
      expect(r.body.data.map((a: { slug: string }) => a.slug)).toEqual(['demo', 'gita-ghee', 'zoe-zed', 'abe-able']);
    });
  });

  describe("a post's url (item 5)", () => {
    const urls = (posts: { slug: string; url: unknown }[]) => posts.map((p) => [p.slug, p.url]);
    const paths = (posts: { slug: string }[]) => posts.map((p) => [p.slug, `/${p.slug}`]);

    it('is /<slug> in the post list', async () => {
      const posts = (await s.get('/v2/posts/')).body.data;
      expect(urls(posts)).toEqual(paths(posts));
    });

    it("is /<slug> in a post's details", async () => {
      expect((await s.get('/v2/posts/golden-dal/')).body.data.url).toBe('/golden-dal');
    });

    it('is /<slug> in search results', async () => {
      const posts = (await s.get('/v2/posts/search/?query=ghee')).body.data;
      expect(posts.length).toBeGreaterThan(0);
      expect(urls(posts)).toEqual(paths(posts));
    });

    it('is /<slug> in recent_posts', async () => {
      const posts = (await s.get('/v2/authors/gita-ghee/?include=recent_posts')).body.data.recent_posts;
      expect(posts.length).toBeGreaterThan(0);
      expect(urls(posts)).toEqual(paths(posts));
    });
  });
});
