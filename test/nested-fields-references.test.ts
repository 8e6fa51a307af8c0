import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { butterLandingPage, butterLandingSchema } from './helpers/butter-landing.js';
import { withSchema } from './helpers/content.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Issue 17, item 1: what the nesting means for filters (components at any depth, never into a
// repeater or a picker), for "who points at me" (a reference inside a repeater inside a picked
// component refuses a delete) and for the answer budget (which counts those references).

const INVALID_FIELDS = { detail: 'Invalid fields parameter' };
const schema = {
  ...butterLandingSchema,
  // A component holding a repeater as a page's own field, and a component inside a component.
  components: {
    ...butterLandingSchema.components,
    panel: {
      name: 'Panel',
      fields: { title: { type: 'short_text' }, block: { type: 'component', component: 'features' } },
    },
  },
  page_types: {
    ...butterLandingSchema.page_types,
    showcase: {
      name: 'Showcase',
      fields: { panel: { type: 'component', component: 'panel' }, block: { type: 'component', component: 'features' } },
    },
  },
} as const;

describe.each(DIALECTS)('nested fields: filters and references (%s)', (dialect) => {
  let s: TestServer;
  let brand: number;

  beforeAll(async () => {
    s = await demoServer(dialect);
    await withSchema(s.store, s.demo.id, schema as never);
    expect(
      (await s.send('POST', '/v2/content/', { key: 'brands', status: 'published', fields: [{ name: 'Quoted only' }] }))
        .status,
    ).toBe(202);
    brand = (await s.get('/v2/content/brands/?fields.name=Quoted%20only')).body.data.brands[0].meta.id;
    expect((await s.send('POST', '/v2/pages/', butterLandingPage('quoted', [brand]))).status).toBe(202);
    for (const [slug, title] of [
      ['one', 'First'],
      ['two', 'Second'],
    ]) {
      const fields = {
        panel: { title, block: { headline: `${title} block`, features: [{ headline: 'Row' }] } },
        block: { headline: title, features: [{ headline: 'Fast' }] },
      };
      expect(
        (await s.send('POST', '/v2/pages/', { title, slug, page_type: 'showcase', status: 'published', fields }))
          .status,
      ).toBe(202);
    }
  });
  afterAll(async () => s?.close());

  const slugs = async (url: string) => (await s.get(url)).body.data.map((p: { slug: string }) => p.slug);

  it.for([
    ['a component field', '/v2/pages/showcase/?fields.block.headline=Second', ['two']],
    ['a component inside a component', '/v2/pages/showcase/?fields.panel.block.headline=First%20block', ['one']],
    ["the sample page's seo component", '/v2/pages/landing-page/?fields.seo.title=SEO%20title', ['quoted']],
  ] as const)('filters on %s', async ([, url, want]) => {
    expect(await slugs(url)).toEqual(want);
  });

  it('orders on a field of a component inside a component', async () => {
    expect(await slugs('/v2/pages/showcase/?order=-panel.title')).toEqual(['two', 'one']);
  });

  it.for([
    ['into a picker', 'fields.body.headline=Features'],
    ['into a repeater inside a picked component', 'fields.body.features.headline=Fast'],
    ['through a reference inside a repeater', 'fields.body.testimonial.brand.name=Quoted%20only'],
    ['into a repeater inside a component', 'fields.block.features.headline=Fast'],
    ['into a repeater inside a component inside a component', 'fields.panel.block.features.headline=Row'],
  ] as const)('refuses a filter %s: 400 Invalid fields parameter', async ([, query]) => {
    const type = query.includes('body') ? 'landing-page' : 'showcase';
    expect(await s.get(`/v2/pages/${type}/?${query}`)).toMatchObject({ status: 400, body: INVALID_FIELDS });
  });

  it('refuses an order on a repeater inside a component: 400 Invalid order parameter', async () => {
    expect(await s.get('/v2/pages/showcase/?order=block.features.headline')).toMatchObject({
      status: 400,
      body: { detail: 'Invalid order parameter' },
    });
  });

  it('selects a whole picker or repeater with fields=, not a path inside one', async () => {
    const page = (await s.get('/v2/pages/showcase/one/?fields=block.features')).body.data;
    expect(page.fields).toEqual({ block: { features: [{ headline: 'Fast', description: '', icon: '' }] } });
    expect(await s.get('/v2/pages/landing-page/quoted/?fields=body.features')).toMatchObject({
      status: 400,
      body: INVALID_FIELDS,
    });
  });

  it('refuses to delete an item that a reference inside a repeater inside a picked component points at', async () => {
    const res = await s.send('DELETE', `/v2/content/brands/${brand}/`);
    expect(res).toMatchObject({ status: 400, body: { detail: 'Cannot delete: referenced by landing-page/quoted' } });
    expect((await s.get(`/v2/content/brands/${brand}/`)).status).toBe(200);
  });

  it('a draft that drops the reference still holds it in the published version', async () => {
    const draft = { status: 'draft', fields: { body: [] } };
    expect((await s.send('PATCH', '/v2/pages/landing-page/quoted/', draft)).status).toBe(202);
    expect((await s.send('DELETE', `/v2/content/brands/${brand}/`)).body).toEqual({
      detail: 'Cannot delete: referenced by landing-page/quoted',
    });
  });

  it('once no version points at it, the delete goes through; forced, the row reads null', async () => {
    expect((await s.send('POST', '/v2/pages/', butterLandingPage('forced', [brand]))).status).toBe(202);
    expect(
      (await s.send('PATCH', '/v2/pages/landing-page/quoted/', { status: 'published', fields: { body: [] } })).status,
    ).toBe(202);
    expect((await s.send('DELETE', `/v2/content/brands/${brand}/`)).body).toEqual({
      detail: 'Cannot delete: referenced by landing-page/forced',
    });
    expect((await s.send('DELETE', `/v2/content/brands/${brand}/?force=true`)).status).toBe(204);
    const row = (await s.get('/v2/pages/landing-page/forced/?levels=2')).body.data.fields.body[3].fields.testimonial[0];
    expect(row).toEqual({ quote: 'Quote 1', name: 'Name 1', title: 'CTO', brand: null });
  });
});

describe.each(DIALECTS)('nested fields: the answer budget (%s)', (dialect) => {
  let s: TestServer;
  const TOO_MANY = {
    detail:
      'Answer too large: it would hold more than 3 pages and items, counting a reference each time it is expanded. Ask for fewer levels or a smaller page_size.',
  };

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { answerMaxNodes: 3 } });
    await withSchema(s.store, s.demo.id, butterLandingSchema);
    // The demo's three brands without their references: an answer within the budget.
    const brands = (await s.get('/v2/content/brands/?fields=name')).body.data.brands.map(
      (b: { meta: { id: number } }) => b.meta.id,
    );
    expect(brands).toHaveLength(3);
    expect((await s.send('POST', '/v2/pages/', butterLandingPage('three', brands))).status).toBe(202);
    expect((await s.send('POST', '/v2/pages/', butterLandingPage('two', brands.slice(0, 2)))).status).toBe(202);
  });
  afterAll(async () => s?.close());

  it.for([1, 2])('counts references inside repeaters inside picked components (levels=%i)', async (levels) => {
    expect(await s.get(`/v2/pages/landing-page/three/?levels=${levels}`)).toMatchObject({
      status: 400,
      body: TOO_MANY,
    });
  });

  it('answers a page whose nested references fit', async () => {
    // The page and its two references, as URIs at the last level: three nodes.
    const res = await s.get('/v2/pages/landing-page/two/?levels=1');
    expect(res.status).toBe(200);
    expect(res.body.data.fields.body[3].fields.testimonial.map((t: { brand: string }) => t.brand)).toEqual([
      expect.stringMatching(/\/v2\/content\/brands\/\d+\/$/),
      expect.stringMatching(/\/v2\/content\/brands\/\d+\/$/),
    ]);
  });

  it('leaves the references out of the count when fields= leaves the picker out', async () => {
    expect((await s.get('/v2/pages/landing-page/three/?levels=2&fields=seo')).status).toBe(200);
  });
});
