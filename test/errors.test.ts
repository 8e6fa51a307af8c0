import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The error contract of the read endpoints (API.md sections 3 and 9, the ButterCMS error
// reference): exact status and `detail`, which error wins, hostile input never a 500, and the
// generic 500 itself.

const JSON_TYPE = 'application/json; charset=utf-8';
const enc = encodeURIComponent;

const TEXT = {
  noCredentials: 'Authentication credentials were not provided',
  invalidToken: 'Invalid token',
  notFound: 'Not found',
  page404: 'Page matching query does not exist',
  collection404: 'Collection matching query does not exist',
  levels: 'levels query parameter should be an integer between 1 and 5 (inclusive)',
  page: 'page query parameter should be a positive integer',
  pageSize: 'page_size query parameter should be an integer between 1 and 100 (inclusive)',
  limit: 'limit query parameter should be an integer between 1 and 100 (inclusive)',
  offset: 'offset query parameter should be a non-negative integer',
  mixed: 'Use either page and page_size or limit and offset, not both',
  order: 'Invalid order parameter',
  fields: 'Invalid fields parameter',
  locale: 'Invalid locale parameter',
  search: 'Invalid search query',
  internal: 'An unexpected error occurred. Please try again later.',
} as const;

/** Raw inject, so that headers can be chosen freely; `token` null sends none. */
async function send(s: TestServer, method: string, url: string, token: string | null = s.demo.read_token) {
  const res = await s.app.inject({
    method: method as 'GET',
    url,
    headers: token ? { authorization: `Token ${token}` } : {},
  });
  return { status: res.statusCode, headers: res.headers, text: res.body };
}

/** A url short enough to read in a failure message. */
function short(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}...(${url.length} chars)` : url;
}

/** GETs `url` and expects exactly `{"detail": detail}` with `status`, as JSON. */
async function expectError(s: TestServer, url: string, status: number, detail: string, token: string | null = s.demo.read_token) {
  const res = await send(s, 'GET', url, token);
  let body: unknown = res.text;
  try {
    body = JSON.parse(res.text);
  } catch {
    // left as text: the comparison below then shows it
  }
  // The url rides along so a failing row of a table names itself.
  const label = short(url);
  expect({ url: label, status: res.status, body }).toEqual({ url: label, status, body: { detail } });
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  expect(res.headers['x-request-id']).toBeTruthy();
  return res;
}

/** GETs `url` and expects a 200 JSON answer. */
async function expectOk(s: TestServer, url: string) {
  const res = await s.get(url);
  expect({ url: short(url), status: res.status }).toEqual({ url: short(url), status: 200 });
  return res.body;
}

/** GETs `url` and expects anything but a server error, answered as a JSON `{"detail": string}` when not 2xx. */
async function expectNo500(s: TestServer, url: string) {
  const res = await send(s, 'GET', url);
  expect({ url: short(url), status: res.status < 500 }).toEqual({ url: short(url), status: true });
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  // Even errors raised by the router itself carry the headers of every /v2 answer (API.md section 1).
  expect(res.headers['x-request-id']).toBeTruthy();
  expect(res.headers['access-control-allow-origin']).toBe('*');
  const body = JSON.parse(res.text) as Record<string, unknown>;
  if (res.status >= 400) expect(typeof body.detail).toBe('string');
  return { status: res.status, body };
}

describe.each(DIALECTS)('read errors (%s)', (dialect) => {
  let s: TestServer;
  let brandIds: number[];
  let categoryIds: number[];

  beforeAll(async () => {
    s = await demoServer(dialect);
    const brands = await s.get('/v2/content/brands/');
    const categories = await s.get('/v2/content/categories/');
    brandIds = (brands.body.data.brands as { meta: { id: number } }[]).map((b) => b.meta.id);
    categoryIds = (categories.body.data.categories as { meta: { id: number } }[]).map((c) => c.meta.id);
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('precedence (API.md section 9)', () => {
    it('an unknown /v2 path is 404 Not found, with or without a token', async () => {
      for (const url of [
        '/v2/nope/',
        '/v2/nope',
        '/v2/pages/landing_page/about-us/extra/',
        '/v2/content/brands/1/extra/',
        '/v2/posts-nope/',
      ]) {
        await expectError(s, url, 404, TEXT.notFound, null);
        await expectError(s, url, 404, TEXT.notFound, 'not-a-token');
        await expectError(s, url, 404, TEXT.notFound);
      }
    });

    it('a wrong method is 405 with Allow, before authentication', async () => {
      const cases: [string, string][] = [
        ['DELETE', '/v2/pages/landing_page/'],
        ['POST', '/v2/pages/search/'],
        ['PUT', '/v2/pages/search/'],
        ['DELETE', '/v2/content/'],
      ];
      for (const [method, url] of cases) {
        for (const token of [null, 'bogus', s.demo.read_token]) {
          const res = await send(s, method, url, token);
          expect({ method, url, status: res.status, body: JSON.parse(res.text) }).toEqual({
            method, url, status: 405, body: { detail: `Method "${method}" not allowed.` },
          });
          expect(res.headers['content-type']).toBe(JSON_TYPE);
          const allow = String(res.headers.allow).split(', ');
          expect(allow).toContain('GET');
          expect(allow).not.toContain(method);
          expect(res.headers['www-authenticate']).toBeUndefined();
        }
      }
    });

    it('a CORS preflight needs no token', async () => {
      const res = await s.app.inject({
        method: 'OPTIONS',
        url: '/v2/pages/landing_page/?page=0',
        headers: { 'access-control-request-method': 'GET', origin: 'https://site.example' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('authentication (401) comes before bad parameters (400) and lookups (404)', async () => {
      for (const url of [
        '/v2/pages/landing_page/?page=0',
        '/v2/pages/landing_page/about-us/?levels=9',
        '/v2/pages/search/?query=',
        '/v2/content/brands/?order=id',
        '/v2/pages/nope/',
        '/v2/pages/landing_page/nope/',
        '/v2/content/nope/',
        '/v2/content/brands/0/',
      ]) {
        const none = await expectError(s, url, 401, TEXT.noCredentials, null);
        expect(none.headers['www-authenticate']).toBe('Token');
        const bad = await expectError(s, url, 401, TEXT.invalidToken, 'ghee_r_unknown');
        expect(bad.headers['www-authenticate']).toBe('Token');
      }
    });

    it('bad parameters (400) come before lookups (404)', async () => {
      await expectError(s, '/v2/pages/nope/?page=0', 400, TEXT.page);
      await expectError(s, '/v2/pages/nope/?page_size=101', 400, TEXT.pageSize);
      await expectError(s, '/v2/pages/nope/?levels=0', 400, TEXT.levels);
      await expectError(s, '/v2/pages/nope/?locale=xx', 400, TEXT.locale);
      await expectError(s, '/v2/pages/nope/some-slug/?levels=6', 400, TEXT.levels);
      await expectError(s, '/v2/pages/nope/some-slug/?locale=xx', 400, TEXT.locale);
      await expectError(s, '/v2/pages/landing_page/nope/?levels=abc', 400, TEXT.levels);
      await expectError(s, '/v2/pages/*/nope/?levels=0', 400, TEXT.levels);
      await expectError(s, '/v2/pages/search/?query=x&page_type=nope&page=0', 400, TEXT.page);
      await expectError(s, '/v2/content/nope/?page_size=0', 400, TEXT.pageSize);
      await expectError(s, '/v2/content/brands,nope/?limit=0', 400, TEXT.limit);
      await expectError(s, '/v2/content/?keys=nope&page=0', 400, TEXT.page);
      await expectError(s, '/v2/content/nope/1/?levels=0', 400, TEXT.levels);
      await expectError(s, '/v2/content/brands/0/?locale=xx', 400, TEXT.locale);
    });
  });

  describe('lookups (404)', () => {
    it('unknown page types, pages and collections', async () => {
      await expectError(s, '/v2/pages/nope/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/nope', 404, TEXT.page404);
      await expectError(s, '/v2/pages/nope/about-us/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/landing_page/nope/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/landing_page/nope', 404, TEXT.page404);
      await expectError(s, '/v2/pages/*/nope/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/homepage/', 404, TEXT.page404); // a single page is not a page type
      await expectError(s, '/v2/pages/search/?query=ghee&page_type=nope', 404, TEXT.page404);
      await expectError(s, '/v2/content/nope/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/?keys=nope', 404, TEXT.collection404);
      await expectError(s, '/v2/content/nope/1/', 404, TEXT.collection404);
    });

    it('lookups are exact and case-sensitive', async () => {
      await expectError(s, '/v2/pages/landing_page/About-Us/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/Landing_Page/about-us/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/landing-page/about-us/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/*/Homepage/', 404, TEXT.page404);
      await expectError(s, '/v2/content/Brands/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/brands%20/', 404, TEXT.collection404);
    });

    it('an unpublished page is 404 without preview', async () => {
      await expectError(s, '/v2/pages/landing_page/coming-soon/', 404, TEXT.page404);
      await expectOk(s, '/v2/pages/landing_page/coming-soon/?preview=1');
    });

    it('several collection keys with one unknown is 404 Collection matching query does not exist', async () => {
      await expectError(s, '/v2/content/brands,nope/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/nope,brands/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/brands,categories,nope/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/brands,/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/?keys=brands,nope', 404, TEXT.collection404);
      const ok = await expectOk(s, '/v2/content/brands,categories/');
      expect(Object.keys(ok.data)).toEqual(['brands', 'categories']);
    });

    it('a collection item id that is not a positive integer, or unknown, is 404 Not found', async () => {
      for (const id of ['0', '-1', 'abc', '99999999999', '1.5', '1e3', '0x10', '%20' + brandIds[0], '2147483648', '99999999999999999999']) {
        await expectError(s, `/v2/content/brands/${id}/`, 404, TEXT.notFound);
      }
      // An item of another collection does not exist under this key.
      await expectError(s, `/v2/content/categories/${brandIds[0]}/`, 404, TEXT.notFound);
      await expectError(s, `/v2/content/brands/${categoryIds[0]}/`, 404, TEXT.notFound);
      const item = await expectOk(s, `/v2/content/brands/${brandIds[0]}/`);
      expect(item.data.meta).toEqual({ id: brandIds[0] });
    });

    it('GET /v2/content/ without keys is 200 {}', async () => {
      for (const url of ['/v2/content/', '/v2/content', '/v2/content/?keys=', '/v2/content/?page=1']) {
        const res = await s.get(url);
        expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 200, body: {} });
      }
    });
  });

  describe('query parameters (400)', () => {
    const LISTS = ['/v2/pages/landing_page/', '/v2/pages/*/', '/v2/content/brands/', '/v2/pages/search/?query=ghee'];
    const DETAILS = ['/v2/pages/landing_page/about-us/', '/v2/pages/*/homepage/', '/v2/content/brands/ID/'];
    const join = (url: string, param: string) => `${url}${url.includes('?') ? '&' : '?'}${param}`;
    const detailUrl = (url: string) => url.replace('ID', String(brandIds[0]));

    it('levels not an integer in 1..5', async () => {
      for (const base of [...LISTS, ...DETAILS]) {
        for (const v of ['0', '6', '1.5', '-1', 'abc', '', '+1', '1e0', '%201', '99999999999999999999']) {
          await expectError(s, join(detailUrl(base), `levels=${v}`), 400, TEXT.levels);
        }
        await expectOk(s, join(detailUrl(base), 'levels=1'));
        await expectOk(s, join(detailUrl(base), 'levels=5'));
      }
    });

    it('page not a positive integer', async () => {
      for (const base of LISTS) {
        for (const v of ['0', '-1', '1.5', 'abc', '', '99999999999999999999', '1e2']) {
          await expectError(s, join(base, `page=${v}`), 400, TEXT.page);
        }
        await expectOk(s, join(base, 'page=2'));
      }
    });

    it('page_size not an integer in 1..100', async () => {
      for (const base of LISTS) {
        for (const v of ['0', '101', '-1', '1.5', 'abc', '', '99999999999999999999']) {
          await expectError(s, join(base, `page_size=${v}`), 400, TEXT.pageSize);
        }
        await expectOk(s, join(base, 'page_size=1'));
        await expectOk(s, join(base, 'page_size=100'));
      }
    });

    it('limit not an integer in 1..100, offset not a non-negative integer', async () => {
      for (const base of LISTS) {
        for (const v of ['0', '101', '-1', '1.5', 'abc', '']) {
          await expectError(s, join(base, `limit=${v}`), 400, TEXT.limit);
        }
        for (const v of ['-1', '1.5', 'abc', '', '99999999999999999999']) {
          await expectError(s, join(base, `limit=5&offset=${v}`), 400, TEXT.offset);
        }
        await expectOk(s, join(base, 'limit=100&offset=0'));
        await expectOk(s, join(base, 'offset=2'));
      }
    });

    it('page and offset pagination mixed', async () => {
      for (const base of LISTS) {
        for (const p of ['page=1&limit=5', 'page_size=5&offset=0', 'page=1&offset=0', 'page_size=5&limit=5', 'page=0&limit=0']) {
          await expectError(s, join(base, p), 400, TEXT.mixed);
        }
      }
    });

    it('order naming no orderable field', async () => {
      for (const v of ['nope', '-nope', 'id', '-id', 'slug', '-slug', 'name', 'status', 'created', '', '-', '--published',
        'published,slug', 'seo', 'faq', 'related', 'brand', 'brand.name', 'headline%20desc', 'Headline']) {
        await expectError(s, `/v2/pages/landing_page/?order=${v}`, 400, TEXT.order);
      }
      for (const v of ['id', '-id', 'nope', 'category', 'slug%3Bdrop']) {
        await expectError(s, `/v2/content/brands/?order=${v}`, 400, TEXT.order);
      }
      // Every key's collection must have the order field.
      await expectError(s, '/v2/content/brands,categories/?order=founded', 400, TEXT.order);
      for (const v of ['published', '-updated', 'headline', '-priority', 'seo.title']) {
        await expectOk(s, `/v2/pages/landing_page/?order=${v}`);
      }
      await expectOk(s, '/v2/content/brands,categories/?order=-name');
    });

    it('unknown filter fields and malformed field selections', async () => {
      const page = '/v2/pages/landing_page/';
      for (const q of ['fields.nope=1', 'fields.=1', 'fields.headline.x=1', 'fields.seo.nope=1', 'fields.brand.nope=1',
        'fields.Headline=x', 'fields.slug=about-us', 'fields.id=1', 'fields..headline=x', 'fields.headline.=x', 'fields.faq=x']) {
        await expectError(s, `${page}?${q}`, 400, TEXT.fields);
      }
      for (const v of ['a,,b', '%20headline', 'headline%20', 'nope', '', ',', 'headline,', 'headline,nope', 'seo.nope',
        'headline.x', 'HEADLINE', 'slug', 'id']) {
        await expectError(s, `${page}?fields=${v}`, 400, TEXT.fields);
        await expectError(s, `/v2/pages/landing_page/about-us/?fields=${v}`, 400, TEXT.fields);
      }
      await expectError(s, '/v2/content/brands/?fields.nope=1', 400, TEXT.fields);
      await expectError(s, '/v2/content/brands/?fields.category.nope=1', 400, TEXT.fields);
      await expectError(s, '/v2/content/brands/?fields=name,,logo', 400, TEXT.fields);
      // Every key's collection must have the filter field.
      await expectError(s, '/v2/content/brands,categories/?fields.founded=1949', 400, TEXT.fields);
      // Through `*`, a single page takes `fields=` against its own schema.
      await expectError(s, '/v2/pages/*/homepage/?fields=summary', 400, TEXT.fields);
      await expectOk(s, '/v2/pages/*/homepage/?fields=intro');

      await expectOk(s, `${page}?fields=headline,seo.title`);
      await expectOk(s, `${page}?fields.seo.title=Who%20we%20are`);
      await expectOk(s, '/v2/content/brands/?fields.category.slug=food');
    });

    it('filter, order or fields= on the * list', async () => {
      for (const q of ['order=published', 'order=-updated', 'fields=headline', 'fields.headline=x', 'fields=', 'fields.nope=1']) {
        await expectError(s, `/v2/pages/*/?${q}`, 400, TEXT.fields);
      }
      await expectOk(s, '/v2/pages/*/?page_size=5');
    });

    it('a locale the account has not enabled', async () => {
      for (const base of [...LISTS, ...DETAILS]) {
        for (const v of ['fr', 'EN', 'en-us', '', 'en%20', '*']) {
          await expectError(s, join(detailUrl(base), `locale=${v}`), 400, TEXT.locale);
        }
        await expectOk(s, join(detailUrl(base), 'locale=es'));
      }
    });

    it('search query empty, too long or with control characters', async () => {
      const search = (q: string) => `/v2/pages/search/?query=${q}`;
      await expectError(s, '/v2/pages/search/', 400, TEXT.search);
      await expectError(s, search(''), 400, TEXT.search);
      await expectError(s, search(enc('a'.repeat(257))), 400, TEXT.search);
      await expectError(s, search(enc('🧈'.repeat(257))), 400, TEXT.search);
      for (const c of ['%00', '%07', '%0A', '%1F', '%7F', '%C2%85']) {
        await expectError(s, search(`ghee${c}`), 400, TEXT.search);
      }
      // 256 code points is fine, even when they take 512 UTF-16 units or 1024 bytes.
      const words = 'ghee butter '.repeat(30).slice(0, 256);
      expect([...words]).toHaveLength(256);
      expect((await expectOk(s, search(enc(words)))).meta).toBeDefined();
      await expectOk(s, search(enc('🧈'.repeat(256))));
      await expectOk(s, search(enc('a' + '🧈'.repeat(255))));
      await expectOk(s, search(enc(' ')));
    });
  });

  describe('hostile input never gives a 500', () => {
    const nasty = [
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

    it('path params: page types, slugs, collection keys, item ids', async () => {
      for (const v of nasty) {
        const e = enc(v);
        if (v !== '*') await expectError(s, `/v2/pages/${e}/`, 404, TEXT.page404);
        await expectError(s, `/v2/pages/landing_page/${e}/`, 404, TEXT.page404);
        await expectError(s, `/v2/pages/*/${e}/`, 404, TEXT.page404);
        if (v !== '*') await expectError(s, `/v2/pages/${e}/about-us/`, 404, TEXT.page404);
        await expectError(s, `/v2/content/${e}/`, 404, TEXT.collection404);
        await expectError(s, `/v2/content/brands,${e}/`, 404, TEXT.collection404);
        await expectError(s, `/v2/content/brands/${e}/`, 404, TEXT.notFound);
      }
    });

    it('filter values, order, selections, locales and search queries', async () => {
      for (const v of nasty) {
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
      }
      for (const q of ['a & b | !c:* <-> d', '"unterminated', "o'brien", 'AND OR NOT', '(((', 'x:*', '\\\\']) {
        await expectOk(s, `/v2/pages/search/?query=${enc(q)}`);
      }
    });

    it('NUL bytes in path params and query values', async () => {
      // PostgreSQL text cannot hold U+0000: such a value can match nothing, and must not reach SQL as is.
      await expectError(s, '/v2/pages/landing_page/a%00b/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/*/a%00b/', 404, TEXT.page404);
      await expectError(s, '/v2/pages/landing_page%00/', 404, TEXT.page404);
      await expectError(s, '/v2/content/brands%00/', 404, TEXT.collection404);
      await expectError(s, '/v2/content/brands/1%00/', 404, TEXT.notFound);
      await expectError(s, '/v2/pages/landing_page/?locale=en%00', 400, TEXT.locale);
      await expectError(s, '/v2/pages/landing_page/?order=headline%00', 400, TEXT.order);
      await expectError(s, '/v2/pages/landing_page/?fields=headline%00', 400, TEXT.fields);
      await expectError(s, '/v2/pages/search/?query=a%00', 400, TEXT.search);
      for (const url of [
        '/v2/pages/landing_page/?fields.headline=a%00b',
        '/v2/pages/landing_page/?fields.launch_date=%00',
        '/v2/pages/landing_page/?fields.priority=1%00',
        '/v2/pages/landing_page/?fields.seo.title=%00',
        '/v2/pages/landing_page/?fields.brand.name=Acme%00',
      ]) {
        expect((await expectOk(s, url)).data).toEqual([]);
      }
      expect((await expectOk(s, '/v2/content/brands/?fields.name=Acme%00')).data).toEqual({ brands: [] });
      expect((await expectOk(s, '/v2/content/brands/?fields.category.slug=food%00')).data).toEqual({ brands: [] });
    });

    it('percent-encoded garbage', async () => {
      for (const url of [
        '/v2/pages/landing_page/%E0%A4%A/',
        '/v2/pages/%E0%A4%A/',
        '/v2/pages/landing_page/%ZZ/',
        '/v2/content/%E0%A4%A/',
        '/v2/content/brands/%E0%A4%A/',
        '/v2/pages/landing_page/%C0%AF/',
        '/v2/pages/landing_page/%/',
      ]) {
        await expectNo500(s, url);
      }
      const list = await expectOk(s, '/v2/pages/landing_page/?fields.headline=%E0%A4%A');
      expect(list.meta.count).toBe(0);
      await expectOk(s, '/v2/pages/search/?query=%E0%A4%A');
      await expectOk(s, '/v2/pages/search/?query=%ZZ');
      await expectError(s, '/v2/pages/landing_page/?levels=%E0%A4%A', 400, TEXT.levels);
      await expectError(s, '/v2/pages/landing_page/?locale=%E0%A4%A', 400, TEXT.locale);
      await expectError(s, '/v2/pages/landing_page/?order=%E0%A4%A', 400, TEXT.order);
    });

    it('repeated parameters: the last value counts', async () => {
      await expectOk(s, '/v2/pages/landing_page/about-us/?levels=9&levels=1');
      await expectError(s, '/v2/pages/landing_page/about-us/?levels=1&levels=9', 400, TEXT.levels);
      await expectOk(s, '/v2/pages/landing_page/?page=0&page=1');
      await expectOk(s, '/v2/pages/landing_page/?order=id&order=-published');
      await expectOk(s, '/v2/pages/landing_page/?locale=fr&locale=es');
      await expectError(s, '/v2/pages/search/?query=ghee&query=', 400, TEXT.search);
      await expectOk(s, '/v2/pages/search/?query=&query=ghee');
    });

    it('huge numbers', async () => {
      const huge = ['1e400', '99999999999999999999999999', '-99999999999999999999999999', 'Infinity', 'NaN', '9007199254740993'];
      for (const v of huge) {
        expect((await expectOk(s, `/v2/pages/landing_page/?fields.priority=${v}`)).meta.count).toBe(0);
        await expectError(s, `/v2/pages/landing_page/?levels=${v}`, 400, TEXT.levels);
        await expectError(s, `/v2/pages/landing_page/?page_size=${v}`, 400, TEXT.pageSize);
        await expectError(s, `/v2/content/brands/?limit=${v}`, 400, TEXT.limit);
        await expectError(s, `/v2/content/brands/${v}/`, 404, TEXT.notFound);
      }
      // Far past the end is an empty page, not an error.
      const far = await expectOk(s, '/v2/pages/landing_page/?page=1000000000000');
      expect(far.data).toEqual([]);
      const offset = await expectOk(s, '/v2/content/brands/?limit=100&offset=9007199254740991');
      expect(offset.data).toEqual({ brands: [] });
      await expectOk(s, '/v2/pages/search/?query=ghee&page=1000000000000');
    });

    it('the data is intact afterwards', async () => {
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
});

describe.each(DIALECTS)('the 500 contract (%s)', (dialect) => {
  let s: TestServer;

  beforeAll(async () => {
    s = await demoServer(dialect);
    // Pull the database out from under the app: every authenticated request now fails inside.
    await s.store.close();
  });

  afterAll(async () => {
    await s?.app.close();
  });

  it('an unexpected failure is the generic 500 with a request id, and nothing of its cause', async () => {
    for (const url of [
      '/v2/pages/landing_page/about-us/',
      '/v2/pages/landing_page/',
      '/v2/pages/search/?query=ghee',
      '/v2/content/brands/',
      '/v2/content/brands/1/',
    ]) {
      const res = await send(s, 'GET', url);
      expect({ url, status: res.status, body: JSON.parse(res.text) }).toEqual({ url, status: 500, body: { detail: TEXT.internal } });
      expect(res.text).toBe(JSON.stringify({ detail: TEXT.internal }));
      expect(res.text).not.toMatch(/select|from |sqlite|postgres|pool|Error|\bat |\.ts|\.js|\n/);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(String(res.headers['x-request-id'])).toMatch(/^\S{8,}$/);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    }
    // Each answer has its own request id.
    const a = await send(s, 'GET', '/v2/content/brands/');
    const b = await send(s, 'GET', '/v2/content/brands/');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('checks that need no database still answer as usual', async () => {
    await expectError(s, '/v2/nope/', 404, TEXT.notFound, null);
    await expectError(s, '/v2/pages/landing_page/', 401, TEXT.noCredentials, null);
  });
});
