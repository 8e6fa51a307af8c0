import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type AdminClient } from './helpers/admin.js';
import { butterLandingBody, butterLandingPage, butterLandingSchema } from './helpers/butter-landing.js';
import { DIALECTS } from './helpers/databases.js';
import { PUBLIC_URL, type TestServer } from './helpers/server.js';

// Issue 17, item 1: ButterCMS's sample landing page (repeaters inside the components of a picker)
// applied through the admin API, written through /v2, read back at every `levels`, and its
// nested values refused with the exact path and text of each problem.

const ACCEPTED = { status: 'pending' };

describe.each(DIALECTS)('nested fields: write and read (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;
  let brands: { id: number; category: string }[];

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
    const list = (await s.get('/v2/content/brands/?levels=1')).body.data.brands as {
      meta: { id: number };
      category: string;
    }[];
    brands = list.map((b) => ({ id: b.meta.id, category: b.category }));
  });
  afterAll(async () => s?.close());

  const page = (slug: string, levels: number) => s.get(`/v2/pages/landing-page/${slug}/?levels=${levels}`);
  const post = (body: unknown) => s.send('POST', '/v2/pages/', body);

  it('applies the sample landing page schema through the admin API, repeaters inside components included', async () => {
    const res = await admin.request('PUT', `${base}/schema`, butterLandingSchema);
    expect(res.status).toBe(200);
    expect(res.body.changes.map((c: { line: string }) => c.line)).toEqual([
      '+ components.hero (6 fields)',
      '+ components.two_column_with_image (7 fields)',
      '+ components.features (4 fields)',
      '+ components.testimonials (3 fields)',
      '+ page_types.landing-page (2 fields)',
    ]);
    expect(res.body.data.components.features.fields.features).toEqual({
      type: 'repeater',
      fields: {
        headline: { type: 'short_text', required: true },
        description: { type: 'long_text' },
        icon: { type: 'media' },
      },
    });
    // Applied again, nothing changes: the stored document is the one sent.
    expect((await admin.request('PUT', `${base}/schema`, res.body.data)).body.changes).toEqual([]);
  });

  it('writes a page through /v2 and reads every nested value back in order', async () => {
    expect(await post(butterLandingPage('sample', [brands[0]!.id, brands[1]!.id]))).toEqual({
      status: 202,
      headers: expect.anything(),
      body: ACCEPTED,
    });
    const res = await page('sample', 1);
    expect(res.status).toBe(200);
    const [hero, columns, features, testimonials] = res.body.data.fields.body;
    expect(hero).toEqual({
      type: 'hero',
      fields: {
        headline: 'Headless CMS',
        subheadline: 'Fast to build with',
        image: '',
        button_label: 'Start',
        button_url: '/start',
        scroll_anchor_id: 'home',
      },
    });
    // Rich text is sanitised at any depth.
    expect(columns.fields.subheadline).toBe('<p>Because it works</p>');
    expect(features).toEqual({
      type: 'features',
      fields: {
        headline: 'Features',
        subheadline: 'What you get',
        scroll_anchor_id: 'features',
        features: [
          { headline: 'Fast', description: 'Quick load times', icon: '' },
          { headline: 'Easy', description: 'Any stack', icon: '' },
          { headline: 'Safe', description: 'Sanitised', icon: '' },
        ],
      },
    });
    expect(testimonials.fields.testimonial.map((t: { name: string }) => t.name)).toEqual(['Name 1', 'Name 2']);
  });

  it('levels=1: a reference inside a repeater inside a picked component is its API URI', async () => {
    const rows = (await page('sample', 1)).body.data.fields.body[3].fields.testimonial;
    expect(rows.map((r: { brand: unknown }) => r.brand)).toEqual(
      brands.slice(0, 2).map((b) => `${PUBLIC_URL}/v2/content/brands/${b.id}/`),
    );
  });

  it('levels=2: it is the item, whose own references are URIs', async () => {
    const row = (await page('sample', 2)).body.data.fields.body[3].fields.testimonial[0];
    expect(row.brand).toMatchObject({ meta: { id: brands[0]!.id }, category: brands[0]!.category });
    expect(row.brand.category).toMatch(new RegExp(`^${PUBLIC_URL}/v2/content/categories/\\d+/$`));
  });

  it("levels=3: the item's references are expanded too", async () => {
    const row = (await page('sample', 3)).body.data.fields.body[3].fields.testimonial[1];
    expect(row.brand.meta.id).toBe(brands[1]!.id);
    expect(row.brand.category).toMatchObject({
      meta: { id: Number(/(\d+)\/$/.exec(brands[1]!.category)![1]) },
      name: expect.any(String),
    });
  });

  it('the list of landing pages expands them the same way', async () => {
    const list = (await s.get('/v2/pages/landing-page/?levels=2')).body.data;
    expect(list.map((p: { slug: string }) => p.slug)).toContain('sample');
    const sample = list.find((p: { slug: string }) => p.slug === 'sample');
    expect(sample.fields.body[3].fields.testimonial[0].brand.meta.id).toBe(brands[0]!.id);
  });

  const body = butterLandingBody([]);
  const withPicked = (i: number, fields: Record<string, unknown>) =>
    body.map((item, j) => (j === i ? { ...(item as object), fields } : item));
  it.for([
    [
      'a repeater row value of the wrong type',
      withPicked(2, { features: [{ headline: 'ok' }, { headline: 'ok' }, { headline: 7 }] }),
      { 'body.2.fields.features.2.headline': ['Not a valid string.'] },
    ],
    [
      'a required field missing in a row',
      withPicked(2, { features: [{ description: 'no headline' }] }),
      { 'body.2.fields.features.0.headline': ['This field is required.'] },
    ],
    [
      'a row that is not an object',
      withPicked(2, { features: ['text'] }),
      { 'body.2.fields.features.0': ['Expected an object of fields.'] },
    ],
    [
      'a repeater that is not a list',
      withPicked(3, { testimonial: { quote: 'x' } }),
      { 'body.3.fields.testimonial': ['Expected a list of items.'] },
    ],
    [
      'a field the row does not have',
      withPicked(3, { testimonial: [{ quote: 'x', stars: 5 }] }),
      { 'body.3.fields.testimonial.0.stars': ['This field is not defined.'] },
    ],
    [
      'a reference in a row to no item',
      withPicked(3, { testimonial: [{ brand: 999999 }] }),
      { 'body.3.fields.testimonial.0.brand': ['No item with id 999999 in collection brands.'] },
    ],
    [
      'a reference in a row that is no id',
      withPicked(3, { testimonial: [{ brand: { id: 1 } }] }),
      { 'body.3.fields.testimonial.0.brand': ['Expected a page slug or an item id.'] },
    ],
    [
      'a choice in a picked component',
      withPicked(1, { image_position: 'top' }),
      { 'body.1.fields.image_position': ['"top" is not a valid choice.'] },
    ],
    [
      'a component the picker does not offer',
      [{ type: 'cta', fields: { label: 'x' } }],
      { 'body.0.type': ['"cta" is not a component this field accepts.'] },
    ],
  ] as const)('refuses %s with its full path, writing nothing', async ([, value, detail]) => {
    const res = await post({ ...butterLandingPage('refused', []), fields: { seo: { title: '' }, body: value } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: { fields: detail } });
    expect((await page('refused', 1)).status).toBe(404);
  });

  it('reports every failing nested field at once', async () => {
    const value = [
      { type: 'features', fields: { features: [{ headline: '' }, { headline: 'ok', icon: 'not a url' }] } },
      { type: 'testimonials', fields: { testimonial: [{ brand: 999999 }] } },
    ];
    const res = await post({
      ...butterLandingPage('refused', []),
      fields: { seo: { title: 'x'.repeat(71) }, body: value },
    });
    expect(res.body).toEqual({
      detail: {
        fields: {
          'seo.title': ['Ensure this field has no more than 70 characters.'],
          'body.0.fields.features.0.headline': ['This field is required.'],
          'body.0.fields.features.1.icon': ['Enter a valid URL.'],
          'body.1.fields.testimonial.0.brand': ['No item with id 999999 in collection brands.'],
        },
      },
    });
  });

  it('PATCH replaces the picker as a whole, nested rows included', async () => {
    const next = [{ type: 'features', fields: { headline: 'Only one', features: [{ headline: 'Single' }] } }];
    expect((await s.send('PATCH', '/v2/pages/landing-page/sample/', { fields: { body: next } })).status).toBe(202);
    const fields = (await page('sample', 1)).body.data.fields;
    expect(fields.body).toEqual([
      {
        type: 'features',
        fields: {
          headline: 'Only one',
          subheadline: '',
          features: [{ headline: 'Single', description: '', icon: '' }],
          scroll_anchor_id: '',
        },
      },
    ]);
    expect(fields.seo).toEqual({ title: 'SEO title', description: '' });
  });
});
