import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import {
  atBrand,
  cross,
  DETAILS,
  enc,
  expectError,
  expectOk,
  LISTS,
  TEXT,
  useDemoReads,
  withParam,
} from './helpers/read-errors.js';

// `order`, `fields` (filters and selections), `locale` and the search `query` refused with their
// exact 400 texts (docs/api.md §3 and §9), beside the values that pass.

const PAGE = '/v2/pages/landing_page/';

const BAD_PAGE_ORDER = [
  'nope',
  '-nope',
  'id',
  '-id',
  'slug',
  '-slug',
  'name',
  'status',
  'created',
  '',
  '-',
  '--published',
  'published,slug',
  'seo',
  'faq',
  'related',
  'brand',
  'brand.name',
  'headline%20desc',
  'Headline',
];
const BAD_BRAND_ORDER = ['id', '-id', 'nope', 'category', 'slug%3Bdrop'];
const GOOD_PAGE_ORDER = ['published', '-updated', 'headline', '-priority', 'seo.title'];

const BAD_PAGE_FILTERS = [
  'fields.nope=1',
  'fields.=1',
  'fields.headline.x=1',
  'fields.seo.nope=1',
  'fields.brand.nope=1',
  'fields.Headline=x',
  'fields.slug=about-us',
  'fields.id=1',
  'fields..headline=x',
  'fields.headline.=x',
  'fields.faq=x',
];
const BAD_SELECTIONS = [
  'a,,b',
  '%20headline',
  'headline%20',
  'nope',
  '',
  ',',
  'headline,',
  'headline,nope',
  'seo.nope',
  'headline.x',
  'HEADLINE',
  'slug',
  'id',
];
const BAD_FIELDS_ELSEWHERE = [
  '/v2/content/brands/?fields.nope=1',
  '/v2/content/brands/?fields.category.nope=1',
  '/v2/content/brands/?fields=name,,logo',
  // Every key's collection must have the filter field.
  '/v2/content/brands,categories/?fields.founded=1949',
  // Through `*`, a single page takes `fields=` against its own schema.
  '/v2/pages/*/homepage/?fields=summary',
];
const GOOD_FIELDS = [
  '/v2/pages/*/homepage/?fields=intro',
  `${PAGE}?fields=headline,seo.title`,
  `${PAGE}?fields.seo.title=Who%20we%20are`,
  '/v2/content/brands/?fields.category.slug=food',
];

const ON_STAR_LIST = [
  'order=published',
  'order=-updated',
  'fields=headline',
  'fields.headline=x',
  'fields=',
  'fields.nope=1',
];
const BAD_LOCALES = ['fr', 'EN', 'en-us', '', 'en%20', '*'];

const search = (q: string) => `/v2/pages/search/?query=${q}`;
const BAD_SEARCHES: [string, string][] = [
  ['no query', '/v2/pages/search/'],
  ['an empty query', search('')],
  ['257 letters', search(enc('a'.repeat(257)))],
  ['257 emoji', search(enc('🧈'.repeat(257)))],
  ...['%00', '%07', '%0A', '%1F', '%7F', '%C2%85'].map((c): [string, string] => [
    `the control character ${c}`,
    search(`ghee${c}`),
  ]),
];
// 256 code points is fine, even when they take 512 UTF-16 units or 1024 bytes.
const WORDS = 'ghee butter '.repeat(30).slice(0, 256);
const GOOD_SEARCHES: [string, string][] = [
  ['256 emoji', search(enc('🧈'.repeat(256)))],
  ['a letter and 255 emoji', search(enc('a' + '🧈'.repeat(255)))],
  ['a space', search(enc(' '))],
];

describe.each(DIALECTS)('order, fields, locale and search parameters, 400 (%s)', (dialect) => {
  const demo = useDemoReads(dialect);

  it.for(BAD_PAGE_ORDER)('order naming no orderable field of a page type: order=%s', async (v) => {
    await expectError(demo.s, `${PAGE}?order=${v}`, 400, TEXT.order);
  });

  it.for(BAD_BRAND_ORDER)('order naming no orderable field of a collection: order=%s', async (v) => {
    await expectError(demo.s, `/v2/content/brands/?order=${v}`, 400, TEXT.order);
  });

  it("order on several keys needs the field in every key's collection", async () => {
    await expectError(demo.s, '/v2/content/brands,categories/?order=founded', 400, TEXT.order);
    await expectOk(demo.s, '/v2/content/brands,categories/?order=-name');
  });

  it.for(GOOD_PAGE_ORDER)('order naming an orderable field is fine: order=%s', async (v) => {
    await expectOk(demo.s, `${PAGE}?order=${v}`);
  });

  it.for(BAD_PAGE_FILTERS)('unknown filter fields: %s', async (q) => {
    await expectError(demo.s, `${PAGE}?${q}`, 400, TEXT.fields);
  });

  it.for(cross([PAGE, '/v2/pages/landing_page/about-us/'], BAD_SELECTIONS))(
    'malformed field selections: %s fields=%s',
    async ([base, v]) => {
      await expectError(demo.s, `${base}?fields=${v}`, 400, TEXT.fields);
    },
  );

  it.for(BAD_FIELDS_ELSEWHERE)(
    'unknown filter fields and selections on collections and single pages: %s',
    async (url) => {
      await expectError(demo.s, url, 400, TEXT.fields);
    },
  );

  it.for(GOOD_FIELDS)('known filter fields and selections are fine: %s', async (url) => {
    await expectOk(demo.s, url);
  });

  it.for(ON_STAR_LIST)('filter, order or fields= on the * list: %s', async (q) => {
    await expectError(demo.s, `/v2/pages/*/?${q}`, 400, TEXT.fields);
  });

  it('the * list takes page_size', async () => {
    await expectOk(demo.s, '/v2/pages/*/?page_size=5');
  });

  it.for(cross([...LISTS, ...DETAILS], BAD_LOCALES))(
    'a locale the account has not enabled: %s locale=%s',
    async ([base, v]) => {
      await expectError(demo.s, withParam(atBrand(demo, base), `locale=${v}`), 400, TEXT.locale);
    },
  );

  it.for([...LISTS, ...DETAILS])('an enabled locale is fine: %s locale=es', async (base) => {
    await expectOk(demo.s, withParam(atBrand(demo, base), 'locale=es'));
  });

  it.for<[string, string]>(BAD_SEARCHES)(
    'search query empty, too long or with control characters: %s',
    async ([_label, url]) => {
      await expectError(demo.s, url, 400, TEXT.search);
    },
  );

  it('a search query of 256 code points is fine', async () => {
    expect([...WORDS]).toHaveLength(256);
    expect((await expectOk(demo.s, search(enc(WORDS)))).meta).toBeDefined();
  });

  it.for<[string, string]>(GOOD_SEARCHES)('a search query of %s is fine', async ([_label, url]) => {
    await expectOk(demo.s, url);
  });
});
