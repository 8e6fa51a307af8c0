// page.retrieve/list/search and content.retrieve against a real Ghee server, with the demo
// account's generated types flowing through; plus testMode and the hooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBrands, demoCategories, demoHomepage, demoPages } from '../../src/seed/demo-content.js';
import { DIALECTS } from '../../test/helpers/databases.js';
import { demoSocketServer, type SocketServer } from '../../test/helpers/socket-server.js';
import Butter from '../src/index.js';
import { gheeClient } from './helpers/ghee.js';
import type { Collections, Homepage, LandingPage } from './types/demo-cms-types.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const page = (slug: string) => demoPages.find((p) => p.slug === slug)!;

describe.each(DIALECTS)('client reads against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('page.retrieve("*", slug): the single page as { data, status, headers }, references expanded', async () => {
    const res = await gheeClient(server).page.retrieve<Homepage>('*', 'homepage');
    expect(res.status).toBe(200);
    expect(res.statusText).toBe('OK');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-request-id']).toMatch(/\S/);
    const home = res.data.data;
    expect(Object.keys(home)).toEqual([
      'slug',
      'name',
      'published',
      'updated',
      'page_type',
      'scheduled',
      'status',
      'fields',
    ]);
    expect(home).toMatchObject({ slug: 'homepage', name: 'Homepage', page_type: null, status: 'published' });
    expect(home.published).toMatch(TIMESTAMP);
    expect(home.fields.headline).toBe(demoHomepage.en.headline);
    const featured = home.fields.featured;
    if (featured === null || typeof featured === 'string') throw new Error('featured should be expanded at levels=2');
    expect(featured).toMatchObject({
      slug: 'launch',
      page_type: 'landing_page',
      fields: { headline: page('launch').en.headline },
    });
    // At the last level a reference is its API URI string.
    expect(featured.fields.brand).toMatch(new RegExp(`^${server.url}/v2/content/brands/\\d+/$`));
  });

  it('page.retrieve(type, slug, {levels, locale}): every field type, in Spanish, two hops', async () => {
    const res = await gheeClient(server).page.retrieve<LandingPage, 'landing_page'>('landing_page', 'launch', {
      levels: 3,
      locale: 'es',
    });
    const fields = res.data.data.fields;
    const launch = page('launch');
    expect(fields).toMatchObject({
      headline: launch.es.headline,
      theme: launch.shared.theme,
      priority: launch.shared.priority,
      featured: true,
      layout: 'wide',
      sections: [{ type: 'cta', fields: { label: 'Empezar', url: '/start' } }],
      faq: [{ question: '¿Es rápido?', answer: '<p>Sí.</p>' }],
    });
    expect(fields.related.map((p) => (typeof p === 'string' ? p : p.slug))).toEqual(['pricing', 'about-us']);
    const brand = fields.brand;
    if (brand === null || typeof brand === 'string') throw new Error('brand should be expanded');
    expect(brand).toMatchObject({ name: demoBrands[1]!.name, meta: { id: expect.any(Number) } });
    expect(brand.category).toMatchObject({ name: demoCategories[1]!.name.es, slug: 'food' });
  });

  it('page.list: pagination, filters, order and selection reach the server as query parameters', async () => {
    const client = gheeClient(server);
    const first = await client.page.list<LandingPage>('landing_page', { page_size: 2 });
    expect(first.data.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
    expect(first.data.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);
    const wide = await client.page.list<LandingPage>('landing_page', { 'fields.layout': 'wide', order: 'priority' });
    expect(wide.data.data.map((p) => p.slug).sort()).toEqual(['launch', 'pricing']);
    const selected = await client.page.list('landing_page', {
      'fields.brand.name': 'Acme',
      fields: 'headline,seo.title',
      locale: 'es',
    });
    expect(selected.data.data).toHaveLength(1);
    expect(selected.data.data[0]!.fields).toEqual({
      headline: page('pricing').es.headline,
      seo: { title: page('pricing').es.headline },
    });
    const offset = await client.page.list('landing_page', { limit: 1, offset: 1 });
    expect(offset.data.meta).toEqual({ count: 3, next_offset: 2, previous_offset: 0 });
    const singles = await client.page.list('*');
    expect(singles.data.data.map((p) => p.slug)).toEqual(['homepage']);
  });

  it('page.search: best match, within a page type, in a locale', async () => {
    const client = gheeClient(server);
    expect((await client.page.search('pricing')).data.data.map((p) => p.slug)).toEqual(['pricing']);
    expect(
      (await client.page.search<LandingPage>('ghee', { page_type: 'landing_page' })).data.data.map((p) => p.slug),
    ).toEqual(['launch']);
    const es = await client.page.search('cocina', { locale: 'es', page_size: 1 });
    expect(es.data.meta).toMatchObject({ count: 2, next_page: 2 });
    // A query with URL syntax in it arrives as one value.
    const seen: URL[] = [];
    const recording = gheeClient(server, {
      fetch: (input, init) => (seen.push(new URL(String(input))), fetch(input, init)),
    });
    await recording.page.search('zz&page_size=x#?/..', { page_size: 1 });
    expect(seen[0]!.pathname).toBe('/v2/pages/search/');
    expect(seen[0]!.searchParams.get('query')).toBe('zz&page_size=x#?/..');
    expect(seen[0]!.searchParams.getAll('page_size')).toEqual(['1']);
  });

  it('content.retrieve: one or several collections; meta describes the first', async () => {
    const client = gheeClient(server);
    const res = await client.content.retrieve<Collections>(['brands', 'categories'], { levels: 1, locale: 'es' });
    expect(res.data.meta).toEqual({ count: 3, next_page: null, previous_page: null });
    expect(Object.keys(res.data.data)).toEqual(['brands', 'categories']);
    expect(res.data.data.categories.map((c) => c.name)).toEqual(demoCategories.map((c) => c.name.es));
    expect(res.data.data.brands.map((b) => b.name)).toEqual(demoBrands.map((b) => b.name));
    expect(res.data.data.brands[0]!.category).toMatch(/\/v2\/content\/categories\/\d+\/$/);
    const filtered = await client.content.retrieve<Collections>(['brands'], {
      'fields.category.slug': 'food',
      order: '-name',
      page_size: 1,
    });
    expect(filtered.data.meta).toMatchObject({ count: 2, next_page: 2 });
  });

  it('testMode sends preview=1 (and test=1): drafts and unpublished pages appear', async () => {
    const seen: string[] = [];
    const preview = gheeClient(server, {
      testMode: true,
      fetch: (input, init) => (seen.push(String(input)), fetch(input, init)),
    });
    const pricing = await preview.page.retrieve<LandingPage>('landing_page', 'pricing');
    expect(pricing.data.data.fields.headline).toBe(page('pricing').draft!.headline);
    const query = new URL(seen[0]!).searchParams;
    expect([query.get('preview'), query.get('test'), query.get('auth_token')]).toEqual([
      '1',
      '1',
      server.demo.read_token,
    ]);
    expect((await preview.page.list('landing_page')).data.meta.count).toBe(4);
  });

  it('hooks: onRequest sees the call and may change it; onResponse gets a readable copy', async () => {
    const calls: unknown[] = [];
    const client = gheeClient(server, {
      onRequest: (url, context) => {
        calls.push({
          url,
          type: context.type,
          method: context.method,
          params: context.params,
          timeout: context.options.timeout,
        });
        return { params: { ...context.params, locale: 'es' } };
      },
      onResponse: async (response, context) => {
        calls.push({
          status: response.status,
          headline: ((await response.json()) as { data: Homepage & { fields: Homepage } }).data.fields.headline,
          params: context.params,
        });
      },
    });
    const res = await client.page.retrieve<Homepage>('*', 'homepage', { levels: 1 });
    expect(res.data.data.fields.headline).toBe(demoHomepage.es.headline);
    expect(calls).toEqual([
      {
        url: `${server.url}/v2/pages/*/homepage/`,
        type: 'page',
        method: 'GET',
        params: { levels: 1 },
        timeout: 10_000,
      },
      { status: 200, headline: demoHomepage.es.headline, params: { levels: 1, locale: 'es' } },
    ]);
  });

  it('works through the default export with no options but baseUrl, as buttercms v3 code would', async () => {
    const butter = Butter(server.demo.read_token, { baseUrl: `${server.url}/v2` });
    expect(butter.version).toMatch(/^\d+\.\d+\.\d+/);
    const res = await butter.page.retrieve('*', 'homepage');
    expect(res.data.data.slug).toBe('homepage');
  });
});
