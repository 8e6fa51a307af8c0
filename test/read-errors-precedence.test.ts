import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { expectError, JSON_TYPE, send, TEXT, tokenFor, useDemoReads, type TokenChoice } from './helpers/read-errors.js';

// Which error wins when a read request has several things wrong (docs/api.md §9): unknown path,
// wrong method, missing or bad token, bad parameters, then lookups.

const TOKENS: TokenChoice[] = ['none', 'bogus', 'read'];

/** Every row of `rows` once with each token choice. */
function withEachToken<T extends unknown[]>(rows: T[]): [...T, TokenChoice][] {
  return rows.flatMap((row) => TOKENS.map((token): [...T, TokenChoice] => [...row, token]));
}

const UNKNOWN_PATHS = [
  '/v2/nope/',
  '/v2/nope',
  '/v2/pages/landing_page/about-us/extra/',
  '/v2/content/brands/1/extra/',
  '/v2/posts-nope/',
];

const WRONG_METHODS: [string, string][] = [
  ['DELETE', '/v2/pages/landing_page/'],
  ['POST', '/v2/pages/search/'],
  ['PUT', '/v2/pages/search/'],
  ['DELETE', '/v2/content/'],
];

const NEEDS_AUTH = [
  '/v2/pages/landing_page/?page=0',
  '/v2/pages/landing_page/about-us/?levels=9',
  '/v2/pages/search/?query=',
  '/v2/content/brands/?order=id',
  '/v2/pages/nope/',
  '/v2/pages/landing_page/nope/',
  '/v2/content/nope/',
  '/v2/content/brands/0/',
];

const PARAMS_BEFORE_LOOKUPS: [string, string][] = [
  ['/v2/pages/nope/?page=0', TEXT.page],
  ['/v2/pages/nope/?page_size=101', TEXT.pageSize],
  ['/v2/pages/nope/?levels=0', TEXT.levels],
  ['/v2/pages/nope/?locale=xx', TEXT.locale],
  ['/v2/pages/nope/some-slug/?levels=6', TEXT.levels],
  ['/v2/pages/nope/some-slug/?locale=xx', TEXT.locale],
  ['/v2/pages/landing_page/nope/?levels=abc', TEXT.levels],
  ['/v2/pages/*/nope/?levels=0', TEXT.levels],
  ['/v2/pages/search/?query=x&page_type=nope&page=0', TEXT.page],
  ['/v2/content/nope/?page_size=0', TEXT.pageSize],
  ['/v2/content/brands,nope/?limit=0', TEXT.limit],
  ['/v2/content/?keys=nope&page=0', TEXT.page],
  ['/v2/content/nope/1/?levels=0', TEXT.levels],
  ['/v2/content/brands/0/?locale=xx', TEXT.locale],
];

describe.each(DIALECTS)('read error precedence (%s)', (dialect) => {
  const demo = useDemoReads(dialect);

  it.for<[string, TokenChoice]>(withEachToken(UNKNOWN_PATHS.map((url): [string] => [url])))(
    'an unknown /v2 path is 404 Not found: %s (token: %s)',
    async ([url, token]) => {
      await expectError(demo.s, url, 404, TEXT.notFound, tokenFor(demo.s, token));
    },
  );

  it.for<[string, string, TokenChoice]>(withEachToken(WRONG_METHODS))(
    'a wrong method is 405 with Allow, before authentication: %s %s (token: %s)',
    async ([method, url, token]) => {
      const res = await send(demo.s, method, url, tokenFor(demo.s, token, 'bogus'));
      expect({ method, url, status: res.status, body: JSON.parse(res.text) }).toEqual({
        method,
        url,
        status: 405,
        body: { detail: `Method "${method}" not allowed.` },
      });
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const allow = String(res.headers.allow).split(', ');
      expect(allow).toContain('GET');
      expect(allow).not.toContain(method);
      expect(res.headers['www-authenticate']).toBeUndefined();
    },
  );

  it('a CORS preflight needs no token', async () => {
    const res = await demo.s.app.inject({
      method: 'OPTIONS',
      url: '/v2/pages/landing_page/?page=0',
      headers: { 'access-control-request-method': 'GET', origin: 'https://site.example' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it.for(NEEDS_AUTH)(
    'authentication (401) comes before bad parameters (400) and lookups (404): no token, %s',
    async (url) => {
      const none = await expectError(demo.s, url, 401, TEXT.noCredentials, null);
      expect(none.headers['www-authenticate']).toBe('Token');
    },
  );

  it.for(NEEDS_AUTH)(
    'authentication (401) comes before bad parameters (400) and lookups (404): unknown token, %s',
    async (url) => {
      const bad = await expectError(demo.s, url, 401, TEXT.invalidToken, 'ghee_r_unknown');
      expect(bad.headers['www-authenticate']).toBe('Token');
    },
  );

  it.for<[string, string]>(PARAMS_BEFORE_LOOKUPS)(
    'bad parameters (400) come before lookups (404): %s',
    async ([url, detail]) => {
      await expectError(demo.s, url, 400, detail);
    },
  );
});
