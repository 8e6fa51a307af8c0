import Butter from 'buttercms';
import { describe, expect, it } from 'vitest';
import { demoBrands, demoCategories, demoHomepage } from '../src/seed/demo-content.js';
import { TIMESTAMP } from './helpers/blog.js';
import { demoPage, useButterAgainstGhee, type ListParams } from './helpers/buttercms-client.js';
import { DIALECTS } from './helpers/databases.js';

// page.retrieve, page.list and page.search of the official ButterCMS client against Ghee:
// references expanded level by level, locales, filters, pagination and preview.

describe.each(DIALECTS)('buttercms client pages against Ghee (%s)', (dialect) => {
  const ctx = useButterAgainstGhee(dialect);
  const { butter, requested, uri, idsByName } = ctx;

  it('page.retrieve("*", "homepage"): the single page, its reference expanded one hop (default levels=2)', async () => {
    const res = await butter().page.retrieve('*', 'homepage');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(requested).toHaveLength(1);
    expect(requested[0]!.pathname).toBe('/v2/pages/*/homepage/');
    expect(requested[0]!.searchParams.get('auth_token')).toBe(ctx.server.demo.read_token);

    const page = res.data!.data as any;
    expect(Object.keys(page)).toEqual([
      'slug',
      'name',
      'published',
      'updated',
      'page_type',
      'scheduled',
      'status',
      'fields',
    ]);
    expect(page).toMatchObject({ slug: 'homepage', name: 'Homepage', page_type: null, status: 'published' });
    expect(page.published).toMatch(TIMESTAMP);
    expect(page.updated).toMatch(TIMESTAMP);
    expect(page.fields.headline).toBe(demoHomepage.en.headline);
    expect(page.fields.intro).toBe(demoHomepage.en.intro);

    const launch = demoPage('launch');
    const featured = page.fields.featured;
    expect(featured).toMatchObject({ slug: 'launch', name: 'Launch', page_type: 'landing_page', status: 'published' });
    expect(featured.fields).toMatchObject({
      headline: launch.en.headline,
      summary: launch.en.summary,
      body: launch.en.body,
      theme: launch.shared.theme,
      launch_date: launch.shared.launch_date,
      priority: launch.shared.priority,
      featured: true,
      layout: 'wide',
      seo: { title: launch.en.headline, description: launch.en.summary },
      sections: [{ type: 'cta', fields: { label: 'Get started', url: '/start' } }],
      faq: [{ question: 'Is it fast?', answer: '<p>Yes.</p>' }],
      related: [uri('pages/landing_page/pricing/'), uri('pages/landing_page/about-us/')],
    });
    // The second hop is a URI string: /v2/content/brands/<id>/
    const ids = await idsByName();
    expect(featured.fields.brand).toBe(uri(`content/brands/${ids.get('Golden Ghee Co')}/`));
  });

  it('page.retrieve("landing_page", "launch", {levels: 3, locale: "es"}): Spanish content, two hops expanded', async () => {
    const res = await butter().page.retrieve('landing_page', 'launch', { levels: 3, locale: 'es' });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/pages/landing_page/launch/');
    expect(requested[0]!.searchParams.get('levels')).toBe('3');
    expect(requested[0]!.searchParams.get('locale')).toBe('es');

    const launch = demoPage('launch');
    const pricing = demoPage('pricing');
    const about = demoPage('about-us');
    const page = res.data!.data as any;
    expect(page).toMatchObject({ slug: 'launch', name: 'Launch', page_type: 'landing_page', status: 'published' });
    expect(page.fields).toMatchObject({
      headline: launch.es.headline,
      summary: launch.es.summary,
      body: launch.es.body,
      notes: `# ${launch.es.headline}\n\n${launch.es.summary}`,
      embed: '',
      hero_image: '',
      theme: launch.shared.theme,
      sections: [{ type: 'cta', fields: { label: 'Empezar', url: '/start' } }],
      faq: [{ question: '¿Es rápido?', answer: '<p>Sí.</p>' }],
    });

    // hop 1: the brand and both related pages are objects, in the order stored
    const brand = page.fields.brand;
    const golden = demoBrands[1]!;
    expect(brand).toMatchObject({ name: golden.name, website: golden.website, founded: golden.founded, logo: '' });
    expect(brand.meta).toEqual({ id: expect.any(Number), status: 'published', scheduled: null });
    // hop 2: the brand's category is an object too, in Spanish
    expect(brand.category).toEqual({
      meta: { id: expect.any(Number), status: 'published', scheduled: null },
      name: demoCategories[1]!.name.es,
      slug: 'food',
    });
    expect(page.fields.related.map((p: any) => p.slug)).toEqual(['pricing', 'about-us']);
    const [relPricing, relAbout] = page.fields.related;
    expect(relPricing.fields.headline).toBe(pricing.es.headline);
    expect(relAbout.fields.headline).toBe(about.es.headline);
    // hop 2: pricing's own references are objects...
    expect(relPricing.fields.brand).toMatchObject({ name: demoBrands[0]!.name });
    expect(relPricing.fields.related).toHaveLength(1);
    expect(relPricing.fields.related[0]).toMatchObject({ slug: 'about-us', fields: { headline: about.es.headline } });
    // ...and hop 3 is a URI string
    const ids = await idsByName();
    expect(relPricing.fields.brand.category).toBe(uri(`content/categories/${ids.get('Kitchen tools')}/`));
    expect(relPricing.fields.related[0].fields.brand).toBe(uri(`content/brands/${ids.get('Butter Bros')}/`));
    expect(relAbout.fields.brand).toMatchObject({ meta: { id: ids.get('Butter Bros') }, name: 'Butter Bros' });
    expect(relAbout.fields.brand.category).toBe(uri(`content/categories/${ids.get('Food')}/`));
    expect(brand.meta.id).toBe(ids.get('Golden Ghee Co'));
    expect(brand.category.meta.id).toBe(ids.get('Food'));
  });

  it('page.list("landing_page", {page_size}): published pages, newest first, paginated', async () => {
    const res = await butter().page.list('landing_page', { page_size: 2 });
    expect(res.status).toBe(200);
    expect(requested[0]!.pathname).toBe('/v2/pages/landing_page/');
    expect(res.data!.meta).toEqual({ count: 3, next_page: 2, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);
    expect((res.data!.data[1]!.fields as any).headline).toBe(demoPage('pricing').en.headline);

    const second = await butter().page.list('landing_page', { page_size: 2, page: 2 });
    expect(second.data!.meta).toEqual({ count: 3, next_page: null, previous_page: 1 });
    expect(second.data!.data.map((p) => p.slug)).toEqual(['about-us']);
  });

  it('page.list("landing_page") with field filters and a field selection', async () => {
    const wide = await butter().page.list('landing_page', { 'fields.layout': 'wide' } as ListParams);
    expect(requested[0]!.searchParams.get('fields.layout')).toBe('wide');
    expect(wide.data!.meta).toEqual({ count: 2, next_page: null, previous_page: null });
    expect(wide.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);

    const params = { 'fields.brand.name': 'Acme', fields: 'headline,seo.title', locale: 'es' };
    const acme = await butter().page.list('landing_page', params as ListParams);
    expect(acme.data!.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(acme.data!.data).toHaveLength(1);
    expect(acme.data!.data[0]).toMatchObject({ slug: 'pricing', page_type: 'landing_page' });
    const pricing = demoPage('pricing');
    expect(acme.data!.data[0]!.fields).toEqual({ headline: pricing.es.headline, seo: { title: pricing.es.headline } });

    const featured = await butter().page.list('landing_page', { 'fields.featured': 'true' } as ListParams);
    expect(featured.data!.data.map((p) => p.slug)).toEqual(['launch', 'pricing']);
    const narrow = await butter().page.list('landing_page', { 'fields.layout': 'narrow' } as ListParams);
    expect(narrow.data!.data.map((p) => p.slug)).toEqual(['about-us']);
    // Several filters are ANDed.
    const none = await butter().page.list('landing_page', {
      'fields.layout': 'narrow',
      'fields.featured': 'true',
    } as ListParams);
    expect(none.data).toEqual({ meta: { count: 0, next_page: null, previous_page: null }, data: [] });
  });

  it('page.search: best match in the requested locale, optionally within one page type', async () => {
    const res = await butter().page.search('pricing');
    expect(requested[0]!.pathname).toBe('/v2/pages/search/');
    expect(requested[0]!.searchParams.get('query')).toBe('pricing');
    expect(res.data!.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(res.data!.data.map((p) => p.slug)).toEqual(['pricing']);

    const es = await butter().page.search('cocina', { locale: 'es' });
    expect(es.data!.meta.count).toBe(2);
    expect(es.data!.data.map((p) => p.slug).sort()).toEqual(['about-us', 'pricing']);
    for (const page of es.data!.data) expect((page.fields as any).headline).toBe(demoPage(page.slug).es.headline);

    const typed = await butter().page.search('ghee', { page_type: 'landing_page' });
    expect(typed.data!.data.map((p) => p.slug)).toEqual(['launch']);
    const all = await butter().page.search('ghee');
    expect(all.data!.data.map((p) => p.slug).sort()).toEqual(['homepage', 'launch']);
  });

  it('testMode sends preview=1: drafts and unpublished pages appear', async () => {
    const preview = Butter(ctx.server.demo.read_token, { timeout: 10_000, testMode: true });
    const pricing = await preview.page.retrieve('landing_page', 'pricing');
    expect(requested[0]!.searchParams.get('preview')).toBe('1');
    expect((pricing.data!.data.fields as any).headline).toBe(demoPage('pricing').draft!.headline);
    const list = await preview.page.list('landing_page');
    expect(list.data!.meta.count).toBe(4);
    expect(list.data!.data.map((p) => p.slug).sort()).toEqual(['about-us', 'coming-soon', 'launch', 'pricing']);
  });
});
