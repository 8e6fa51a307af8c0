import Butter from 'buttercms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { POST_KEYS } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

// Booleans in query strings (issue 17 item 4): one reading for every boolean parameter. `true`
// and `1`, `false` and `0`, in any case: ButterCMS's Python client sends Python's `True`
// (`exclude_body=True`), its JS client `true` and `1`. Anything else (`yes`, empty) is not a
// true value: a flag stays off, a checkbox filter matches nothing, as before.

const TRUE = ['true', 'True', 'TRUE', '1'];
const FALSE = ['false', 'False', 'FALSE', '0'];
const NOT_BOOLEAN = ['yes', '', 'on', '2'];

describe.each(DIALECTS)('booleans in the query (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
  });
  afterAll(async () => s?.close());

  const headline = async (query: string) =>
    (await s.get(`/v2/pages/landing_page/pricing/?${query}`)).body.data.fields.headline;

  it.for(TRUE)('exclude_body=%s drops the body of every post', async (flag) => {
    const posts = (await s.get(`/v2/posts/?exclude_body=${flag}&page_size=100`)).body.data;
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) expect(Object.keys(post)).toEqual(POST_KEYS.filter((k) => k !== 'body'));
  });

  it.for([...FALSE, ...NOT_BOOLEAN])('exclude_body=%s keeps the body', async (flag) => {
    const post = (await s.get(`/v2/posts/?exclude_body=${flag}`)).body.data[0];
    expect(Object.keys(post)).toEqual(POST_KEYS);
  });

  it.for(TRUE)('preview=%s reads the latest draft of a page, privately cached', async (flag) => {
    const r = await s.get(`/v2/pages/landing_page/pricing/?preview=${flag}`);
    expect(r.body.data.fields.headline).toBe('Simpler pricing, coming soon');
    expect(r.headers['cache-control']).toBe('private, no-cache');
  });

  it.for([...FALSE, ...NOT_BOOLEAN])('preview=%s reads the published page', async (flag) => {
    const r = await s.get(`/v2/pages/landing_page/pricing/?preview=${flag}`);
    expect(r.body.data.fields.headline).toBe('Simple pricing');
    expect(r.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
  });

  it.for(TRUE)('test=%s (the legacy name) reads the latest draft too', async (flag) => {
    expect(await headline(`test=${flag}`)).toBe('Simpler pricing, coming soon');
  });

  it.for(TRUE)('preview=%s shows draft posts in the post list', async (flag) => {
    const slugs = (await s.get(`/v2/posts/?preview=${flag}&page_size=100`)).body.data.map(
      (p: { slug: string }) => p.slug,
    );
    expect(slugs).toContain('ghee-ice-cream');
  });

  it.for(TRUE)('preview=%s on a collection is a preview answer: kept out of shared caches', async (flag) => {
    const r = await s.get(`/v2/content/brands/?preview=${flag}`);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-cache');
  });

  it.for([
    ['True', ['launch', 'pricing']],
    ['FALSE', ['about-us']],
    ['1', ['launch', 'pricing']],
    ['yes', []],
  ] as const)('a checkbox filter fields.featured=%s matches %j', async ([flag, expected]) => {
    const r = await s.get(`/v2/pages/landing_page/?fields.featured=${flag}`);
    expect(r.body.data.map((p: { slug: string }) => p.slug).sort()).toEqual(expected);
  });

  it.for(['True', 'TRUE'])('force=%s deletes a referenced item', async (flag) => {
    const created = await s.send('POST', '/v2/content/', {
      key: 'categories',
      status: 'published',
      fields: [{ name: `Forced ${flag}`, slug: `forced-${flag.toLowerCase()}` }],
    });
    expect(created.status).toBe(202);
    const items = (await s.get('/v2/content/categories/?page_size=100')).body.data.categories as {
      meta: { id: number };
      name: string;
    }[];
    const id = items.find((c) => c.name === `Forced ${flag}`)!.meta.id;
    expect(
      (
        await s.send('POST', '/v2/content/', {
          key: 'brands',
          status: 'published',
          fields: [{ name: `Uses ${flag}`, category: id }],
        })
      ).status,
    ).toBe(202);
    expect((await s.send('DELETE', `/v2/content/categories/${id}/?force=${flag}`)).status).toBe(204);
  });

  it.for(NOT_BOOLEAN)('force=%s is not force: a referenced page stays', async (flag) => {
    const r = await s.send('DELETE', `/v2/pages/landing_page/about-us/?force=${flag}`);
    expect({ status: r.status, body: r.body }).toEqual({
      status: 400,
      body: { detail: 'Cannot delete: referenced by landing_page/pricing, landing_page/launch' },
    });
  });

  it('force=True deletes a referenced page through the admin API too', async () => {
    await s.send('POST', '/v2/pages/', {
      title: 'Target',
      slug: 'bool-target',
      page_type: 'landing_page',
      status: 'published',
      fields: {
        headline: 'Target',
        summary: '',
        body: '',
        notes: '',
        embed: '',
        hero_image: '',
        theme: '#112233',
        launch_date: '2026-01-02',
        priority: 1,
        featured: false,
        layout: 'wide',
        seo: { title: '', description: '' },
        sections: [],
        faq: [],
        related: [],
        brand: '',
      },
    });
    await s.send('PATCH', '/v2/pages/landing_page/coming-soon/', { fields: { related: ['bool-target'] } });
    const base = `/admin/api/accounts/${s.demo.id}/pages/landing_page/bool-target`;
    expect((await editor.request('DELETE', `${base}?force=yes`)).status).toBe(400);
    expect((await editor.request('DELETE', `${base}?force=True`)).status).toBe(204);
  });
});

describe.each(DIALECTS)('booleans the official JS client sends (%s)', (dialect) => {
  const BUTTER_BASE = 'https://api.buttercms.com/v2';
  let server: SocketServer;
  let realFetch: typeof globalThis.fetch;
  let requested: URL[] = [];

  beforeAll(async () => {
    server = await demoSocketServer(dialect);
    realFetch = globalThis.fetch;
    // The client always calls api.buttercms.com: its requests go to the test server instead.
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const target = new URL(`${server.url}/v2${url.slice(BUTTER_BASE.length)}`);
      requested.push(target);
      return realFetch(target, init);
    };
  });
  afterAll(async () => {
    if (realFetch) globalThis.fetch = realFetch;
    await server?.close();
  });

  it('post.list({exclude_body: true}) sends exclude_body=true and gets posts without their body', async () => {
    requested = [];
    const res = await Butter(server.demo.read_token).post.list({ page_size: 5, exclude_body: true });
    expect(requested[0]!.searchParams.get('exclude_body')).toBe('true');
    for (const post of res.data!.data) expect(post).not.toHaveProperty('body');
  });

  it('testMode sends test=1 and preview=1 and reads the latest draft', async () => {
    requested = [];
    const res = await Butter(server.demo.read_token, { testMode: true }).page.retrieve('landing_page', 'pricing');
    expect([requested[0]!.searchParams.get('test'), requested[0]!.searchParams.get('preview')]).toEqual(['1', '1']);
    expect((res.data!.data as { fields: { headline: string } }).fields.headline).toBe('Simpler pricing, coming soon');
  });
});
