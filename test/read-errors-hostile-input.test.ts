import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { enc, expectError, expectNo500, expectOk, TEXT, useDemoReads } from './helpers/read-errors.js';

// Hostile input never gives a 500 (docs/api.md §9): injection attempts, wildcards, NUL bytes,
// broken percent-escapes and huge numbers in every place a read takes text, and the data is
// intact afterwards.

const NASTY = [
  "'; drop table entries; --",
  "' or '1'='1",
  '" or ""="',
  "x' union select hash from tokens --",
  '1; select pg_sleep(1)',
  '%',
  '\\',
  '_',
  '*',
  '😀🧈',
  'café',
  '\u202e\u200b',
  'x'.repeat(5000),
];
/** Each value with a name short enough for a test title. */
const NASTY_ROWS = NASTY.map((v): [string, string] => [
  v.length > 40 ? `${v.slice(0, 10)}...(${v.length} chars)` : JSON.stringify(v),
  v,
]);

const SEARCH_SYNTAX = ['a & b | !c:* <-> d', '"unterminated', "o'brien", 'AND OR NOT', '(((', 'x:*', '\\\\'];

// PostgreSQL text cannot hold U+0000: such a value can match nothing, and must not reach SQL as is.
const NUL_REFUSED: [string, number, string][] = [
  ['/v2/pages/landing_page/a%00b/', 404, TEXT.page404],
  ['/v2/pages/*/a%00b/', 404, TEXT.page404],
  ['/v2/pages/landing_page%00/', 404, TEXT.page404],
  ['/v2/content/brands%00/', 404, TEXT.collection404],
  ['/v2/content/brands/1%00/', 404, TEXT.notFound],
  ['/v2/pages/landing_page/?locale=en%00', 400, TEXT.locale],
  ['/v2/pages/landing_page/?order=headline%00', 400, TEXT.order],
  ['/v2/pages/landing_page/?fields=headline%00', 400, TEXT.fields],
  ['/v2/pages/search/?query=a%00', 400, TEXT.search],
];
const NUL_FILTERS: [string, unknown][] = [
  ['/v2/pages/landing_page/?fields.headline=a%00b', []],
  ['/v2/pages/landing_page/?fields.launch_date=%00', []],
  ['/v2/pages/landing_page/?fields.priority=1%00', []],
  ['/v2/pages/landing_page/?fields.seo.title=%00', []],
  ['/v2/pages/landing_page/?fields.brand.name=Acme%00', []],
  ['/v2/content/brands/?fields.name=Acme%00', { brands: [] }],
  ['/v2/content/brands/?fields.category.slug=food%00', { brands: [] }],
];

const GARBLED_PATHS = [
  '/v2/pages/landing_page/%E0%A4%A/',
  '/v2/pages/%E0%A4%A/',
  '/v2/pages/landing_page/%ZZ/',
  '/v2/content/%E0%A4%A/',
  '/v2/content/brands/%E0%A4%A/',
  '/v2/pages/landing_page/%C0%AF/',
  '/v2/pages/landing_page/%/',
];

/** The last value of a repeated parameter counts: `ok`, or the 400 text it earns. */
const REPEATED: [string, string][] = [
  ['/v2/pages/landing_page/about-us/?levels=9&levels=1', 'ok'],
  ['/v2/pages/landing_page/about-us/?levels=1&levels=9', TEXT.levels],
  ['/v2/pages/landing_page/?page=0&page=1', 'ok'],
  ['/v2/pages/landing_page/?order=id&order=-published', 'ok'],
  ['/v2/pages/landing_page/?locale=fr&locale=es', 'ok'],
  ['/v2/pages/search/?query=ghee&query=', TEXT.search],
  ['/v2/pages/search/?query=&query=ghee', 'ok'],
];

const HUGE = [
  '1e400',
  '99999999999999999999999999',
  '-99999999999999999999999999',
  'Infinity',
  'NaN',
  '9007199254740993',
];

describe.each(DIALECTS)('hostile read input never gives a 500 (%s)', (dialect) => {
  const demo = useDemoReads(dialect);

  it.for<[string, string]>(NASTY_ROWS)(
    'path params: page types, slugs, collection keys, item ids: %s',
    async ([_label, v]) => {
      const { s } = demo;
      const e = enc(v);
      if (v !== '*') await expectError(s, `/v2/pages/${e}/`, 404, TEXT.page404);
      await expectError(s, `/v2/pages/landing_page/${e}/`, 404, TEXT.page404);
      await expectError(s, `/v2/pages/*/${e}/`, 404, TEXT.page404);
      if (v !== '*') await expectError(s, `/v2/pages/${e}/about-us/`, 404, TEXT.page404);
      await expectError(s, `/v2/content/${e}/`, 404, TEXT.collection404);
      await expectError(s, `/v2/content/brands,${e}/`, 404, TEXT.collection404);
      await expectError(s, `/v2/content/brands/${e}/`, 404, TEXT.notFound);
    },
  );

  it.for<[string, string]>(NASTY_ROWS)(
    'filter values, order, selections, locales and search queries: %s',
    async ([_label, v]) => {
      const { s } = demo;
      const e = enc(v);
      const list = await expectOk(s, `/v2/pages/landing_page/?fields.headline=${e}`);
      expect(list).toEqual({ meta: { count: 0, next_page: null, previous_page: null }, data: [] });
      expect((await expectOk(s, `/v2/pages/landing_page/?fields.priority=${e}`)).meta.count).toBe(0);
      expect((await expectOk(s, `/v2/pages/landing_page/?fields.featured=${e}`)).meta.count).toBe(0);
      expect((await expectOk(s, `/v2/pages/landing_page/?fields.seo.title=${e}`)).meta.count).toBe(0);
      expect((await expectOk(s, `/v2/content/brands/?fields.category.slug=${e}`)).data).toEqual({ brands: [] });
      await expectError(s, `/v2/pages/landing_page/?order=${e}`, 400, TEXT.order);
      await expectError(s, `/v2/pages/landing_page/?order=-${e}`, 400, TEXT.order);
      await expectError(s, `/v2/pages/landing_page/?fields=${e}`, 400, TEXT.fields);
      await expectError(s, `/v2/pages/landing_page/?fields.${e}=1`, 400, TEXT.fields);
      await expectError(s, `/v2/pages/landing_page/?locale=${e}`, 400, TEXT.locale);
      if ([...v].length <= 256 && !/\p{Cc}/u.test(v)) await expectOk(s, `/v2/pages/search/?query=${e}`);
      else await expectError(s, `/v2/pages/search/?query=${e}`, 400, TEXT.search);
    },
  );

  it.for(SEARCH_SYNTAX)('search operators are plain text: %s', async (q) => {
    await expectOk(demo.s, `/v2/pages/search/?query=${enc(q)}`);
  });

  it.for<[string, number, string]>(NUL_REFUSED)(
    'NUL bytes in path params and query values: %s',
    async ([url, status, detail]) => {
      await expectError(demo.s, url, status, detail);
    },
  );

  it.for<[string, unknown]>(NUL_FILTERS)('a NUL byte in a filter value matches nothing: %s', async ([url, empty]) => {
    expect((await expectOk(demo.s, url)).data).toEqual(empty);
  });

  it.for(GARBLED_PATHS)('percent-encoded garbage in the path: %s', async (url) => {
    await expectNo500(demo.s, url);
  });

  it('percent-encoded garbage in query values', async () => {
    const { s } = demo;
    const list = await expectOk(s, '/v2/pages/landing_page/?fields.headline=%E0%A4%A');
    expect(list.meta.count).toBe(0);
    await expectOk(s, '/v2/pages/search/?query=%E0%A4%A');
    await expectOk(s, '/v2/pages/search/?query=%ZZ');
    await expectError(s, '/v2/pages/landing_page/?levels=%E0%A4%A', 400, TEXT.levels);
    await expectError(s, '/v2/pages/landing_page/?locale=%E0%A4%A', 400, TEXT.locale);
    await expectError(s, '/v2/pages/landing_page/?order=%E0%A4%A', 400, TEXT.order);
  });

  it.for<[string, string]>(REPEATED)('repeated parameters: the last value counts: %s', async ([url, outcome]) => {
    if (outcome === 'ok') await expectOk(demo.s, url);
    else await expectError(demo.s, url, 400, outcome);
  });

  it.for(HUGE)('huge numbers: %s', async (v) => {
    const { s } = demo;
    expect((await expectOk(s, `/v2/pages/landing_page/?fields.priority=${v}`)).meta.count).toBe(0);
    await expectError(s, `/v2/pages/landing_page/?levels=${v}`, 400, TEXT.levels);
    await expectError(s, `/v2/pages/landing_page/?page_size=${v}`, 400, TEXT.pageSize);
    await expectError(s, `/v2/content/brands/?limit=${v}`, 400, TEXT.limit);
    await expectError(s, `/v2/content/brands/${v}/`, 404, TEXT.notFound);
  });

  it('far past the end is an empty page, not an error', async () => {
    const { s } = demo;
    const far = await expectOk(s, '/v2/pages/landing_page/?page=1000000000000');
    expect(far.data).toEqual([]);
    const offset = await expectOk(s, '/v2/content/brands/?limit=100&offset=9007199254740991');
    expect(offset.data).toEqual({ brands: [] });
    await expectOk(s, '/v2/pages/search/?query=ghee&page=1000000000000');
  });

  // Last on purpose: after everything above, the demo content reads as before.
  it('the data is intact afterwards', async () => {
    const { s } = demo;
    const pages = await expectOk(s, '/v2/pages/landing_page/');
    expect(pages.meta.count).toBe(3);
    const page = await expectOk(s, '/v2/pages/landing_page/about-us/');
    expect(page.data.fields.headline).toBe('Who we are');
    const brands = await expectOk(s, '/v2/content/brands/');
    expect(brands.meta.count).toBe(3);
    const home = await expectOk(s, '/v2/pages/*/homepage/');
    expect(home.data.fields.headline).toBe('Welcome to Ghee');
    const write = await s.get('/v2/pages/landing_page/about-us/', s.demo.write_token);
    expect(write.status).toBe(200);
  });
});
