import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { schemaOf, withSchema, write } from './helpers/content.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

const PAGE_KEYS = ['slug', 'name', 'published', 'updated', 'page_type', 'scheduled', 'status', 'fields'];
const ISO_MICRO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe.each(DIALECTS)('page reads (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('returns a page with the contract shape and microsecond timestamps', async () => {
    const r = await s.get('/v2/pages/landing_page/launch/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const page = r.body.data;
    expect(Object.keys(page)).toEqual(PAGE_KEYS);
    expect(page).toMatchObject({ slug: 'launch', name: 'Launch', page_type: 'landing_page', status: 'published' });
    expect(page.published).toMatch(ISO_MICRO);
    expect(page.updated).toMatch(ISO_MICRO);
    expect(page.fields).toMatchObject({
      headline: 'Ghee has launched',
      priority: 90,
      featured: true,
      layout: 'wide',
      theme: '#e53935',
      hero_image: '',
      embed: '',
      seo: { title: 'Ghee has launched', description: 'The headless CMS that melts into your stack.' },
      sections: [{ type: 'cta', fields: { label: 'Get started', url: '/start' } }],
      faq: [{ question: 'Is it fast?', answer: '<p>Yes.</p>' }],
    });
  });

  it('expands references levels deep: N-1 hops as objects, the last as URI strings', async () => {
    const one = (await s.get('/v2/pages/landing_page/launch/?levels=1')).body.data.fields;
    expect(one.related).toEqual([
      `${PUBLIC_URL}/v2/pages/landing_page/pricing/`,
      `${PUBLIC_URL}/v2/pages/landing_page/about-us/`,
    ]);
    expect(one.brand).toMatch(new RegExp(`^${PUBLIC_URL}/v2/content/brands/\\d+/$`));

    const two = (await s.get('/v2/pages/landing_page/launch/')).body.data.fields;
    expect(two.related.map((p: { slug: string }) => p.slug)).toEqual(['pricing', 'about-us']);
    expect(Object.keys(two.related[0])).toEqual(PAGE_KEYS);
    expect(two.related[0].fields.related).toEqual([`${PUBLIC_URL}/v2/pages/landing_page/about-us/`]);
    expect(two.brand).toMatchObject({ name: 'Golden Ghee Co', founded: 2011 });
    expect(two.brand.meta.id).toEqual(expect.any(Number));
    expect(two.brand.category).toMatch(new RegExp(`^${PUBLIC_URL}/v2/content/categories/\\d+/$`));

    const three = (await s.get('/v2/pages/landing_page/launch/?levels=3')).body.data.fields;
    expect(three.brand.category).toMatchObject({ name: 'Food', slug: 'food' });
    expect(three.related[0].fields.related[0].slug).toBe('about-us');
  });

  it('reads single pages through * and their references to pages', async () => {
    const r = await s.get('/v2/pages/*/homepage/?levels=2');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ slug: 'homepage', page_type: null, fields: { headline: 'Welcome to Ghee' } });
    expect(r.body.data.fields.featured.slug).toBe('launch');
    // A page of a page type is found through * as well.
    expect((await s.get('/v2/pages/*/pricing/')).body.data.page_type).toBe('landing_page');
  });

  it('serves the published version unless preview=1 (or test=1) asks for the latest draft', async () => {
    expect((await s.get('/v2/pages/landing_page/pricing/')).body.data).toMatchObject({
      status: 'published',
      fields: { headline: 'Simple pricing' },
    });
    for (const flag of ['preview=1', 'preview=true', 'test=1']) {
      const draft = (await s.get(`/v2/pages/landing_page/pricing/?${flag}`)).body.data;
      expect(draft).toMatchObject({ status: 'draft', fields: { headline: 'Simpler pricing, coming soon' } });
    }
    expect((await s.get('/v2/pages/landing_page/pricing/?preview=0')).body.data.status).toBe('published');
    expect((await s.get('/v2/pages/landing_page/coming-soon/')).status).toBe(404);
    const unpublished = await s.get('/v2/pages/landing_page/coming-soon/?preview=1');
    expect(unpublished.body.data).toMatchObject({ status: 'draft', published: null });
  });

  it('drops unpublished reference targets unless previewing', async () => {
    // coming-soon (a draft) references launch; nothing published references coming-soon, so add one.
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'teaser',
      name: 'Teaser',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Teaser', related: ['coming-soon', 'launch'], brand: '' },
    });
    const published = (await s.get('/v2/pages/landing_page/teaser/')).body.data.fields;
    expect(published.related.map((p: { slug: string }) => p.slug)).toEqual(['launch']);
    const preview = (await s.get('/v2/pages/landing_page/teaser/?preview=1')).body.data.fields;
    expect(preview.related.map((p: { slug: string }) => p.slug)).toEqual(['coming-soon', 'launch']);
    expect(published.brand).toBeNull();
    expect(published.faq).toEqual([]);
    expect(published.seo).toEqual({ title: '', description: '' });
    expect(published.priority).toBeNull();
    expect(published.featured).toBe(false);
  });

  it('reads another locale, with no fallback to the default', async () => {
    const es = await s.get('/v2/pages/landing_page/launch/?locale=es');
    expect(es.body.data.fields.headline).toBe('Ghee ya está aquí');
    expect(es.body.data.fields.brand.name).toBe('Golden Ghee Co');
    // teaser exists only in English.
    expect((await s.get('/v2/pages/landing_page/teaser/?locale=es')).status).toBe(404);
    const list = (await s.get('/v2/pages/landing_page/?locale=es&page_size=100')).body;
    expect(list.data.map((p: { slug: string }) => p.slug)).not.toContain('teaser');
  });

  it('lists pages newest published first with page pagination meta', async () => {
    const all = (await s.get('/v2/pages/landing_page/?page_size=100')).body;
    expect(all.meta).toEqual({ count: 4, next_page: null, previous_page: null });
    const published = all.data.map((p: { published: string }) => p.published);
    expect([...published].sort().reverse()).toEqual(published);
    const first = (await s.get('/v2/pages/landing_page/?page_size=3')).body;
    expect(first.meta).toEqual({ count: 4, next_page: 2, previous_page: null });
    expect(first.data).toHaveLength(3);
    const second = (await s.get('/v2/pages/landing_page/?page=2&page_size=3')).body;
    expect(second.meta).toEqual({ count: 4, next_page: null, previous_page: 1 });
    expect(second.data.map((p: { slug: string }) => p.slug)).toEqual([all.data[3].slug]);
    const past = (await s.get('/v2/pages/landing_page/?page=9&page_size=3')).body;
    expect(past).toEqual({ meta: { count: 4, next_page: null, previous_page: 8 }, data: [] });
    expect((await s.get('/v2/pages/landing_page/')).body.data).toHaveLength(4);
  });

  it('pages with limit and offset', async () => {
    const a = (await s.get('/v2/pages/landing_page/?limit=2&offset=0&order=priority')).body;
    expect(a.meta).toEqual({ count: 4, next_offset: 2, previous_offset: null });
    expect(a.data.map((p: { slug: string }) => p.slug)).toEqual(['about-us', 'pricing']);
    const b = (await s.get('/v2/pages/landing_page/?limit=2&offset=3&order=priority')).body;
    expect(b.meta).toEqual({ count: 4, next_offset: null, previous_offset: 1 });
    expect(b.data.map((p: { slug: string }) => p.slug)).toEqual(['teaser']);
    const c = (await s.get('/v2/pages/landing_page/?offset=2')).body;
    expect(c.meta).toEqual({ count: 4, next_offset: null, previous_offset: 0 });
  });

  it('filters on fields, component paths and through references; ANDs several', async () => {
    const slugs = async (q: string) =>
      (await s.get(`/v2/pages/landing_page/?page_size=100&${q}`)).body.data.map((p: { slug: string }) => p.slug).sort();
    expect(await slugs('fields.layout=wide')).toEqual(['launch', 'pricing']);
    expect(await slugs('fields.featured=true')).toEqual(['launch', 'pricing']);
    expect(await slugs('fields.featured=false')).toEqual(['about-us', 'teaser']);
    expect(await slugs('fields.priority=90')).toEqual(['launch']);
    expect(await slugs('fields.priority=abc')).toEqual([]);
    expect(await slugs('fields.seo.title=Who%20we%20are')).toEqual(['about-us']);
    expect(await slugs('fields.brand.name=Acme')).toEqual(['pricing']);
    expect(await slugs('fields.layout=wide&fields.priority=60')).toEqual(['pricing']);
    expect(await slugs('fields.headline=nothing-like-this')).toEqual([]);
    expect(await slugs('fields.headline=ghee%20has%20launched')).toEqual([]);
  });

  it('orders by schema fields, published and updated, both directions', async () => {
    const slugs = async (q: string) =>
      (await s.get(`/v2/pages/landing_page/?page_size=100&${q}`)).body.data.map((p: { slug: string }) => p.slug);
    expect(await slugs('order=priority')).toEqual(['about-us', 'pricing', 'launch', 'teaser']);
    expect(await slugs('order=-priority')).toEqual(['launch', 'pricing', 'about-us', 'teaser']);
    expect(await slugs('order=headline')).toEqual(['launch', 'pricing', 'teaser', 'about-us']);
    expect(await slugs('order=-seo.title')).toEqual(['about-us', 'pricing', 'launch', 'teaser']);
    expect(await slugs('order=published')).toEqual([...(await slugs('order=-published'))].reverse());
    expect((await slugs('order=-updated'))[0]).toBe('teaser');
  });

  it('selects fields with fields=', async () => {
    const page = (await s.get('/v2/pages/landing_page/launch/?fields=headline,seo.title')).body.data;
    expect(page.fields).toEqual({ headline: 'Ghee has launched', seo: { title: 'Ghee has launched' } });
    expect(page.slug).toBe('launch');
    const list = (await s.get('/v2/pages/landing_page/?fields=priority&order=priority&page_size=1')).body.data;
    expect(list[0].fields).toEqual({ priority: 30 });
  });

  it('lists single pages through *', async () => {
    const r = await s.get('/v2/pages/*/');
    expect(r.status).toBe(200);
    expect(r.body.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(r.body.data[0]).toMatchObject({ slug: 'homepage', page_type: null });
  });

  it('finds pages by full-text search, best match first', async () => {
    const r = await s.get('/v2/pages/search/?query=pricing');
    expect(r.status).toBe(200);
    expect(r.body.data[0].slug).toBe('pricing');
    expect(r.body.meta.count).toBeGreaterThanOrEqual(1);
    // Prefix match, text inside HTML, the other locale, a page type filter, and no match.
    expect((await s.get('/v2/pages/search/?query=launc')).body.data.map((p: { slug: string }) => p.slug)).toContain(
      'launch',
    );
    expect(
      (await s.get('/v2/pages/search/?query=kitchen')).body.data.map((p: { slug: string }) => p.slug).sort(),
    ).toEqual(['about-us', 'pricing']);
    expect(
      (await s.get('/v2/pages/search/?query=cocina&locale=es')).body.data.map((p: { slug: string }) => p.slug).sort(),
    ).toEqual(['about-us', 'pricing']);
    expect((await s.get('/v2/pages/search/?query=welcome&page_type=landing_page')).body.data).toEqual([]);
    expect((await s.get('/v2/pages/search/?query=welcome')).body.data.map((p: { slug: string }) => p.slug)).toEqual([
      'homepage',
    ]);
    expect((await s.get('/v2/pages/search/?query=zzzznothing')).body).toEqual({
      meta: { count: 0, next_page: null, previous_page: null },
      data: [],
    });
    expect((await s.get('/v2/pages/search/?query=%22%20OR%20*')).status).toBe(200);
    // Drafts only under preview.
    expect((await s.get('/v2/pages/search/?query=stay%20tuned')).body.data).toEqual([]);
    expect(
      (await s.get('/v2/pages/search/?query=stay%20tuned&preview=1')).body.data.map((p: { slug: string }) => p.slug),
    ).toEqual(['coming-soon']);
  });

  it('ranks the page that matches best first', async () => {
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'butter-one',
      name: 'Butter',
      locale: 'en',
      status: 'published',
      fields: { headline: 'butter butter butter', summary: 'butter everywhere' },
    });
    await write(s.store, s.demo.id, 'page_type:landing_page', {
      slug: 'butter-two',
      name: 'Other',
      locale: 'en',
      status: 'published',
      fields: { headline: 'Something', summary: 'a word about butter among many other words here and there' },
    });
    const r = await s.get('/v2/pages/search/?query=butter&page_type=landing_page');
    expect(r.body.data.map((p: { slug: string }) => p.slug).slice(0, 2)).toEqual(['butter-one', 'butter-two']);
  });

  it('answers 403 when * matches pages of several types', async () => {
    const doc = await exportSchema(s.store.db, s.demo.id);
    await withSchema(s.store, s.demo.id, {
      ...doc,
      page_types: { ...doc.page_types, article: { name: 'Article', fields: { title: { type: 'short_text' } } } },
    });
    await write(s.store, s.demo.id, 'page_type:article', {
      slug: 'pricing',
      name: 'Pricing article',
      locale: 'en',
      status: 'published',
      fields: { title: 'x' },
    });
    const r = await s.get('/v2/pages/*/pricing/');
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'Multiple pages found for the given slug' });
    expect((await s.get('/v2/pages/article/pricing/')).body.data.fields).toEqual({ title: 'x' });
    expect((await schemaOf(s.store, s.demo.id)).byKey.has('page_type:article')).toBe(true);
  });

  it('is exact and case-sensitive about slugs and types', async () => {
    expect((await s.get('/v2/pages/landing_page/Launch/')).status).toBe(404);
    expect((await s.get('/v2/pages/Landing_page/launch/')).body).toEqual({
      detail: 'Page matching query does not exist',
    });
    expect((await s.get('/v2/pages/*/Homepage/')).status).toBe(404);
  });
});
