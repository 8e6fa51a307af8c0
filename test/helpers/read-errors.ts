import { afterAll, beforeAll, expect } from 'vitest';
import type { DialectUnderTest } from './databases.js';
import { demoServer, type TestServer } from './server.js';

// What the read-error suites share (docs/api.md §3 and §9): the exact texts, and checks that
// compare status, `detail` and headers at once, naming the url when a row fails.

export const JSON_TYPE = 'application/json; charset=utf-8';
export const enc = encodeURIComponent;

export const TEXT = {
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

/** Which token a table row sends: none, one that does not exist, or the demo read token. */
export type TokenChoice = 'none' | 'bogus' | 'read';

/** The Authorization token of a row's choice; `bogus` is a token that is not one. */
export function tokenFor(s: TestServer, choice: TokenChoice, bogus = 'not-a-token'): string | null {
  return choice === 'none' ? null : choice === 'bogus' ? bogus : s.demo.read_token;
}

/** The demo server of the enclosing suite, started before its tests and closed after them. */
export interface DemoReads {
  s: TestServer;
  /** Ids of the demo brands and categories, in creation order. */
  brandIds: number[];
  categoryIds: number[];
}

/** Registers the hooks that start and close the demo server of `dialect` for the enclosing suite. */
export function useDemoReads(dialect: DialectUnderTest): DemoReads {
  const demo = {} as DemoReads;
  beforeAll(async () => {
    demo.s = await demoServer(dialect);
    const brands = await demo.s.get('/v2/content/brands/');
    const categories = await demo.s.get('/v2/content/categories/');
    demo.brandIds = (brands.body.data.brands as { meta: { id: number } }[]).map((b) => b.meta.id);
    demo.categoryIds = (categories.body.data.categories as { meta: { id: number } }[]).map((c) => c.meta.id);
  });
  afterAll(async () => {
    await demo.s?.close();
  });
  return demo;
}

/** Raw inject, so that headers can be chosen freely; `token` null sends none. */
export async function send(s: TestServer, method: string, url: string, token: string | null = s.demo.read_token) {
  const res = await s.app.inject({
    method: method as 'GET',
    url,
    headers: token ? { authorization: `Token ${token}` } : {},
  });
  return { status: res.statusCode, headers: res.headers, text: res.body };
}

/** A url short enough to read in a failure message. */
export function short(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}...(${url.length} chars)` : url;
}

/** GETs `url` and expects exactly `{"detail": detail}` with `status`, as JSON. */
export async function expectError(
  s: TestServer,
  url: string,
  status: number,
  detail: string,
  token: string | null = s.demo.read_token,
) {
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
export async function expectOk(s: TestServer, url: string) {
  const res = await s.get(url);
  expect({ url: short(url), status: res.status }).toEqual({ url: short(url), status: 200 });
  return res.body;
}

/** GETs `url` and expects anything but a server error, answered as a JSON `{"detail": string}` when not 2xx. */
export async function expectNo500(s: TestServer, url: string) {
  const res = await send(s, 'GET', url);
  expect({ url: short(url), status: res.status < 500 }).toEqual({ url: short(url), status: true });
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  // Even errors raised by the router itself carry the headers of every /v2 answer (docs/api.md §1).
  expect(res.headers['x-request-id']).toBeTruthy();
  expect(res.headers['access-control-allow-origin']).toBe('*');
  const body = JSON.parse(res.text) as Record<string, unknown>;
  if (res.status >= 400) expect(typeof body.detail).toBe('string');
  return { status: res.status, body };
}

/** The list endpoints every list parameter is tried on. */
export const LISTS = ['/v2/pages/landing_page/', '/v2/pages/*/', '/v2/content/brands/', '/v2/pages/search/?query=ghee'];
/** The single-object endpoints; `ID` stands for the first demo brand's id (see `atBrand`). */
export const DETAILS = ['/v2/pages/landing_page/about-us/', '/v2/pages/*/homepage/', '/v2/content/brands/ID/'];

/** `url` with `param` appended to its query. */
export function withParam(url: string, param: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${param}`;
}

/** `url` with its `ID` placeholder replaced by the first demo brand's id. */
export function atBrand(demo: DemoReads, url: string): string {
  return url.replace('ID', String(demo.brandIds[0]));
}

/** Every pair of an `a` and a `b`: the rows of a table tried on several endpoints. */
export function cross<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}
