import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTENT_TYPES } from '../src/content/schema/document-size.js';
import { generateTypes } from '../src/content/schema/generate-types.js';
import { demoAdmin, type AdminClient } from './helpers/admin.js';
import { butterLandingPage, butterLandingSchema } from './helpers/butter-landing.js';
import { DIALECTS } from './helpers/databases.js';
import type { TestServer } from './helpers/server.js';

// Issue 17, item 1: what may nest where (every ButterCMS nesting, and every one earlier Ghee
// accepted; only a repeater in a collection is refused), the depth limit, and schema changes,
// re-sanitising and generated types reaching into repeaters inside components.

const COLLECTION_REPEATER = 'a collection cannot hold repeater fields; repeaters are for pages and components';
const DEPTH =
  "fields nest at most 6 levels (a page's own fields are level 1, and each component, picked component or repeater row adds one)";

/** Components c1 -> c2 -> ... -> c<n>, each holding the next; the last holds a repeater of one text. */
function chain(n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++)
    out[`c${i}`] = {
      fields:
        i < n
          ? { next: { type: 'component', component: `c${i + 1}` } }
          : { rows: { type: 'repeater', fields: { x: { type: 'short_text' } } } },
    };
  return out;
}

describe.each(DIALECTS)('nested fields: the schema (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
  });
  afterAll(async () => s?.close());

  const put = (doc: unknown, confirm = false) =>
    admin.request('PUT', `${base}/schema${confirm ? '?confirm=true' : ''}`, doc);
  const current = async () => (await admin.get(`${base}/schema`)).body.data;
  const invalid = (errors: string[]) => ({
    status: 400,
    body: { detail: { message: 'The schema document is invalid.', errors } },
  });

  it.for([
    ['a component in a repeater row', { type: 'component', component: 'seo' }],
    ['a component picker in a repeater row', { type: 'component_picker', components: ['seo'] }],
    ['a repeater in a repeater row', { type: 'repeater', fields: { q: { type: 'short_text' } } }],
  ] as const)('accepts %s (earlier Ghee did, so stored schemas and archives keep applying)', async ([, inner]) => {
    const doc = {
      components: {
        seo: { fields: { title: { type: 'short_text' } } },
        block: { fields: { rows: { type: 'repeater', fields: { inner } } } },
      },
    };
    expect((await admin.request('POST', `${base}/schema/diff`, doc)).status).toBe(200);
  });

  it('accepts components and pickers in a collection, and refuses a repeater there, naming the field', async () => {
    const fields = {
      seo: { type: 'component', component: 'seo' },
      blocks: { type: 'component_picker', components: ['seo'] },
      ok: { type: 'reference', to: 'collection:items' },
    };
    const doc = (extra: Record<string, unknown>) => ({
      components: { seo: { fields: { title: { type: 'short_text' } } } },
      collections: { items: { name: 'Items', fields: { ...fields, ...extra } } },
    });
    expect((await admin.request('POST', `${base}/schema/diff`, doc({}))).status).toBe(200);
    expect(await put(doc({ rows: { type: 'repeater', fields: {} } }))).toMatchObject(
      invalid([`collections.items.fields.rows.type: ${COLLECTION_REPEATER}`]),
    );
  });

  it('accepts a picker and a component inside a component, and references in repeater rows', async () => {
    const doc = {
      components: {
        leaf: {
          fields: { rows: { type: 'repeater', fields: { to: { type: 'reference', to: 'page_type:p', many: true } } } },
        },
        section: {
          fields: {
            one: { type: 'component', component: 'leaf' },
            many: { type: 'component_picker', components: ['leaf'] },
          },
        },
      },
      page_types: { p: { name: 'P', fields: { body: { type: 'component_picker', components: ['section'] } } } },
    };
    expect((await admin.request('POST', `${base}/schema/diff`, doc)).status).toBe(200);
  });

  it('accepts fields 6 levels deep and refuses 7, at the component that goes too deep', async () => {
    const page = { page_types: { p: { name: 'P', fields: { a: { type: 'component', component: 'c1' } } } } };
    expect((await admin.request('POST', `${base}/schema/diff`, { components: chain(4), ...page })).status).toBe(200);
    expect(await put({ components: chain(5), ...page })).toMatchObject(
      invalid([
        `components.c1.fields.next: nests too deep: a page holding c1 would have fields 7 levels deep (c1: next.next.next.next.rows[].x); ${DEPTH}`,
      ]),
    );
  });

  it('measures depth through pickers too, naming the picked component on the path', async () => {
    const doc = {
      components: { ...chain(4), top: { fields: { pick: { type: 'component_picker', components: ['c2', 'c1'] } } } },
    };
    expect(await put(doc)).toMatchObject(
      invalid([
        `components.top.fields.pick: nests too deep: a page holding top would have fields 7 levels deep (top: pick[c1].next.next.next.rows[].x); ${DEPTH}`,
      ]),
    );
  });

  it('answers a chain of as many components as a schema may hold with a 400, not a stack overflow', async () => {
    const long = chain(MAX_CONTENT_TYPES);
    const started = performance.now();
    const res = await put({ components: long });
    expect(res.status).toBe(400);
    expect(res.body.detail.errors).toHaveLength(MAX_CONTENT_TYPES - 4);
    expect(res.body.detail.errors[0]).toBe(
      `components.c1.fields.next: nests too deep: a page holding c1 would have fields ${MAX_CONTENT_TYPES + 2} levels deep (c1: next.next.next.next.next.next...); ${DEPTH}`,
    );
    const last = `c${MAX_CONTENT_TYPES}`;
    const looped = await put({
      components: { ...long, [last]: { fields: { back: { type: 'component', component: 'c1' } } } },
    });
    expect(looped.body.detail.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^components\\.${last}\\.fields\\.back\\.component: a component may not contain itself \\(c1 -> c2 -> .* -> ${last} -> c1\\)$`,
        ),
      ),
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
    // A longer chain is past the cap on content types, refused before any walk.
    expect((await put({ components: chain(3000) })).body.detail.errors).toEqual([
      expect.stringMatching(/^document: 3000 content types; a schema holds at most /),
    ]);
  });

  it('refuses a component key that is a property of every object (constructor), without a 500', async () => {
    const doc = {
      components: {
        a: {
          fields: {
            x: { type: 'component', component: 'constructor' },
            y: { type: 'component_picker', components: ['toString'] },
          },
        },
      },
    };
    expect(await put(doc)).toMatchObject(
      invalid([
        'components.a.fields.x.component: no component "constructor" in this document',
        'components.a.fields.y.components.0: no component "toString" in this document',
      ]),
    );
  });

  it('still refuses a component that contains itself through a picker in a component', async () => {
    const doc = {
      components: {
        a: {
          fields: { rows: { type: 'repeater', fields: {} }, pick: { type: 'component_picker', components: ['b'] } },
        },
        b: { fields: { back: { type: 'component', component: 'a' } } },
      },
    };
    expect(await put(doc)).toMatchObject(
      invalid(['components.b.fields.back.component: a component may not contain itself (a -> b -> a)']),
    );
  });

  it('applies the sample, then diffs a repeater inside a component field by field', async () => {
    expect((await put(butterLandingSchema)).status).toBe(200);
    expect((await s.send('POST', '/v2/pages/', butterLandingPage('sample', []))).status).toBe(202);
    const doc = await current();
    doc.components.features.fields.features.fields.link = { type: 'short_text' };
    doc.components.features.fields.features.fields.headline.max_length = 40;
    const res = await put(doc);
    expect(res.body.changes.map((c: { line: string }) => c.line)).toEqual([
      '~ components.features.fields.features.fields.headline (max_length unset -> 40)',
      '+ components.features.fields.features.fields.link (short_text)',
    ]);
  });

  it('asks before removing a field of a repeater inside a component that holds content', async () => {
    const doc = await current();
    delete doc.components.features.fields.features.fields.description;
    expect(await put(doc)).toMatchObject({
      status: 409,
      body: { detail: { errors: ['- components.features.fields.features.fields.description (long_text, 1 entry)'] } },
    });
    expect(
      (await s.get('/v2/pages/landing-page/sample/')).body.data.fields.body[2].fields.features[0].description,
    ).toBe('Quick load times');
  });

  it('a text inside a repeater inside a component that becomes rich text is sanitised where it is stored', async () => {
    const body = [
      {
        type: 'features',
        fields: { features: [{ headline: 'Raw', description: 'a <script>alert(1)</script>b & c' }] },
      },
    ];
    expect((await s.send('PATCH', '/v2/pages/landing-page/sample/', { fields: { body } })).status).toBe(202);
    const doc = await current();
    doc.components.features.fields.features.fields.description = { type: 'wysiwyg' };
    expect(await put(doc)).toMatchObject({
      status: 409,
      body: { detail: { errors: ['~ components.features.fields.features.fields.description (long_text -> wysiwyg)'] } },
    });
    expect((await put(doc, true)).status).toBe(200);
    const row = (await s.get('/v2/pages/landing-page/sample/')).body.data.fields.body[0].fields.features[0];
    expect(row.description).toBe('a b &amp; c');
  });

  it('generates types for the sample: a picker of components whose repeaters have row interfaces', async () => {
    const text = generateTypes(await current());
    expect(text).toContain(
      'export interface LandingPagePageType {\n  seo: SeoComponent;\n  body: ({ type: "hero"; fields: HeroComponent } | { type: "two_column_with_image"; fields: TwoColumnWithImageComponent } | { type: "features"; fields: FeaturesComponent } | { type: "testimonials"; fields: TestimonialsComponent })[];\n}',
    );
    expect(text).toContain('  features: FeaturesComponentFeaturesRow[];');
    expect(text).toContain(
      '/** A row of the repeater TestimonialsComponent.testimonial. */\nexport interface TestimonialsComponentTestimonialRow {\n  quote: string;\n  name: string;\n  title: string;\n  /** Expanded by `levels` (default 2); the API URI string at the last level. */\n  brand: BrandsItem | string | null;\n}',
    );
  });
});
