import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { expectError, expectOk, TEXT, useDemoReads } from './helpers/read-errors.js';

// Reads of things that do not exist (docs/api.md §9): which 404 text each lookup answers.

const UNKNOWN: [string, string][] = [
  ['/v2/pages/nope/', TEXT.page404],
  ['/v2/pages/nope', TEXT.page404],
  ['/v2/pages/nope/about-us/', TEXT.page404],
  ['/v2/pages/landing_page/nope/', TEXT.page404],
  ['/v2/pages/landing_page/nope', TEXT.page404],
  ['/v2/pages/*/nope/', TEXT.page404],
  ['/v2/pages/homepage/', TEXT.page404], // a single page is not a page type
  ['/v2/pages/search/?query=ghee&page_type=nope', TEXT.page404],
  ['/v2/content/nope/', TEXT.collection404],
  ['/v2/content/?keys=nope', TEXT.collection404],
  ['/v2/content/nope/1/', TEXT.collection404],
];

const CASE_SENSITIVE: [string, string][] = [
  ['/v2/pages/landing_page/About-Us/', TEXT.page404],
  ['/v2/pages/Landing_Page/about-us/', TEXT.page404],
  ['/v2/pages/landing-page/about-us/', TEXT.page404],
  ['/v2/pages/*/Homepage/', TEXT.page404],
  ['/v2/content/Brands/', TEXT.collection404],
  ['/v2/content/brands%20/', TEXT.collection404],
];

const ONE_KEY_UNKNOWN = [
  '/v2/content/brands,nope/',
  '/v2/content/nope,brands/',
  '/v2/content/brands,categories,nope/',
  '/v2/content/brands,/',
  '/v2/content/?keys=brands,nope',
];

const NOT_ITEM_IDS = ['0', '-1', 'abc', '99999999999', '1.5', '1e3', '0x10', '2147483648', '99999999999999999999'];

describe.each(DIALECTS)('read lookups, 404 (%s)', (dialect) => {
  const demo = useDemoReads(dialect);

  it.for<[string, string]>(UNKNOWN)('unknown page types, pages and collections: %s', async ([url, detail]) => {
    await expectError(demo.s, url, 404, detail);
  });

  it.for<[string, string]>(CASE_SENSITIVE)('lookups are exact and case-sensitive: %s', async ([url, detail]) => {
    await expectError(demo.s, url, 404, detail);
  });

  it('an unpublished page is 404 without preview', async () => {
    await expectError(demo.s, '/v2/pages/landing_page/coming-soon/', 404, TEXT.page404);
    await expectOk(demo.s, '/v2/pages/landing_page/coming-soon/?preview=1');
  });

  it.for(ONE_KEY_UNKNOWN)(
    'several collection keys with one unknown is 404 Collection matching query does not exist: %s',
    async (url) => {
      await expectError(demo.s, url, 404, TEXT.collection404);
    },
  );

  it('several collection keys that all exist answer each key', async () => {
    const ok = await expectOk(demo.s, '/v2/content/brands,categories/');
    expect(Object.keys(ok.data)).toEqual(['brands', 'categories']);
  });

  it.for(NOT_ITEM_IDS)(
    'a collection item id that is not a positive integer, or unknown, is 404 Not found: %s',
    async (id) => {
      await expectError(demo.s, `/v2/content/brands/${id}/`, 404, TEXT.notFound);
    },
  );

  it('an item id after an encoded space is 404 Not found', async () => {
    await expectError(demo.s, `/v2/content/brands/%20${demo.brandIds[0]}/`, 404, TEXT.notFound);
  });

  it('an item of another collection does not exist under this key', async () => {
    await expectError(demo.s, `/v2/content/categories/${demo.brandIds[0]}/`, 404, TEXT.notFound);
    await expectError(demo.s, `/v2/content/brands/${demo.categoryIds[0]}/`, 404, TEXT.notFound);
    const item = await expectOk(demo.s, `/v2/content/brands/${demo.brandIds[0]}/`);
    expect(item.data.meta).toEqual({ id: demo.brandIds[0], status: 'published', scheduled: null });
  });

  it.for(['/v2/content/', '/v2/content', '/v2/content/?keys=', '/v2/content/?page=1'])(
    'GET /v2/content/ without keys is 200 {}: %s',
    async (url) => {
      const res = await demo.s.get(url);
      expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 200, body: {} });
    },
  );
});
