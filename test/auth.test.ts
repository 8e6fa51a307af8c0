import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { createToken, revokeToken } from '../src/accounts/tokens.js';
import { cliActor } from '../src/audit/actor.js';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Authentication of the read endpoints (docs/api.md §2): where the token comes from, which
// one wins, the two 401 texts, revocation, and accounts that cannot see each other.

const NO_CREDENTIALS = { detail: 'Authentication credentials were not provided' };
const INVALID_TOKEN = { detail: 'Invalid token' };
const PAGE_404 = { detail: 'Page matching query does not exist' };
const COLLECTION_404 = { detail: 'Collection matching query does not exist' };
const NOT_FOUND = { detail: 'Not found' };

const PAGE = '/v2/pages/landing_page/about-us/';
const enc = encodeURIComponent;

/** A GET with exactly the given headers (no token unless one is put there or in the URL). */
async function call(s: TestServer, url: string, headers: Record<string, string> = {}) {
  const res = await s.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) as unknown };
}

/** Expects a 401 with the given body and the `WWW-Authenticate: Token` challenge. */
async function expect401(s: TestServer, url: string, headers: Record<string, string>, body: { detail: string }) {
  const res = await call(s, url, headers);
  expect({ url, headers, status: res.status, body: res.body }).toEqual({ url, headers, status: 401, body });
  expect(res.headers['www-authenticate']).toBe('Token');
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
}

async function expect200(s: TestServer, url: string, headers: Record<string, string> = {}) {
  const res = await call(s, url, headers);
  expect({ url, headers, status: res.status }).toEqual({ url, headers, status: 200 });
  return res.body as any;
}

describe.each(DIALECTS)('authentication (%s)', (dialect) => {
  let s: TestServer;
  let read: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    read = s.demo.read_token;
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('where the token comes from', () => {
    it('accepts ?auth_token=', async () => {
      const body = await expect200(s, `${PAGE}?auth_token=${read}`);
      expect(body.data.slug).toBe('about-us');
      await expect200(s, `/v2/content/brands/?auth_token=${read}`);
      await expect200(s, `/v2/pages/search/?query=ghee&auth_token=${read}`);
    });

    it('accepts Authorization: Token and Bearer', async () => {
      const token = await expect200(s, PAGE, { authorization: `Token ${read}` });
      expect(token.data.slug).toBe('about-us');
      const bearer = await expect200(s, PAGE, { authorization: `Bearer ${read}` });
      expect(bearer).toEqual(token);
    });

    it('the header wins when both are given', async () => {
      await expect200(s, `${PAGE}?auth_token=ghee_r_bogus`, { authorization: `Token ${read}` });
      await expect200(s, `${PAGE}?auth_token=${enc("' or 1=1 --")}`, { authorization: `Bearer ${read}` });
      await expect401(s, `${PAGE}?auth_token=${read}`, { authorization: 'Token ghee_r_bogus' }, INVALID_TOKEN);
      await expect401(s, `${PAGE}?auth_token=${read}`, { authorization: 'Bearer nope' }, INVALID_TOKEN);
    });

    it('an empty auth_token= or another scheme counts as no token', async () => {
      await expect401(s, PAGE, {}, NO_CREDENTIALS);
      await expect401(s, `${PAGE}?auth_token=`, {}, NO_CREDENTIALS);
      await expect401(s, `${PAGE}?auth_token`, {}, NO_CREDENTIALS);
      await expect401(s, PAGE, { authorization: 'Basic x' }, NO_CREDENTIALS);
      await expect401(
        s,
        PAGE,
        { authorization: `Basic ${Buffer.from(`${read}:`).toString('base64')}` },
        NO_CREDENTIALS,
      );
      await expect401(s, PAGE, { authorization: `Digest ${read}` }, NO_CREDENTIALS);
      await expect401(s, PAGE, { authorization: 'Token' }, NO_CREDENTIALS);
      await expect401(s, PAGE, { authorization: 'Token ' }, NO_CREDENTIALS);
      await expect401(s, PAGE, { authorization: '' }, NO_CREDENTIALS);
      await expect401(s, `${PAGE}?auth_token=`, { authorization: 'Basic x' }, NO_CREDENTIALS);
      // A header that holds no token leaves the query token to count.
      await expect200(s, `${PAGE}?auth_token=${read}`, { authorization: 'Basic x' });
      await expect200(s, `${PAGE}?auth_token=${read}`, { authorization: 'Token ' });
      // ...and a valid header is not spoiled by an empty query token.
      await expect200(s, `${PAGE}?auth_token=`, { authorization: `Token ${read}` });
    });

    it('the exact 401 body without a token', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/v2/content/brands/' });
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe('{"detail":"Authentication credentials were not provided"}');
      expect(res.headers['www-authenticate']).toBe('Token');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['x-request-id']).toBeTruthy();
    });
  });

  describe('invalid tokens', () => {
    it('an unknown token is 401 Invalid token', async () => {
      const unknown = `ghee_r_${'A'.repeat(40)}`;
      const flipped =
        read.slice(0, 7) +
        [...read.slice(7)].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
      for (const token of [
        unknown,
        flipped,
        read.slice(0, -1),
        `${read}x`,
        'ghee_r_',
        read.replace('ghee_r_', 'ghee_w_'),
        'x'.repeat(5000),
      ]) {
        await expect401(s, PAGE, { authorization: `Token ${token}` }, INVALID_TOKEN);
        await expect401(s, `${PAGE}?auth_token=${token}`, {}, INVALID_TOKEN);
      }
    });

    it('a token with a stray leading or trailing space is 401 Invalid token', async () => {
      for (const token of [` ${read}`, `${read} `, ` ${read} `, `${read}\t`]) {
        await expect401(s, `${PAGE}?auth_token=${enc(token)}`, {}, INVALID_TOKEN);
      }
      await expect401(s, `${PAGE}?auth_token=${read}+`, {}, INVALID_TOKEN);
      await expect401(s, PAGE, { authorization: `Token  ${read}` }, INVALID_TOKEN);
      await expect401(s, PAGE, { authorization: `Token ${read} ` }, INVALID_TOKEN);
      await expect401(s, PAGE, { authorization: `Bearer  ${read}` }, INVALID_TOKEN);
    });

    it('an injected SQL-ish token is 401 Invalid token', async () => {
      for (const token of [
        "' or 1=1 --",
        "' OR '1'='1",
        `${read}' --`,
        "x'; drop table tokens; --",
        '%',
        '_%',
        'a\u0000b',
      ]) {
        await expect401(s, `${PAGE}?auth_token=${enc(token)}`, {}, INVALID_TOKEN);
        if (!token.includes('\u0000')) await expect401(s, PAGE, { authorization: `Token ${token}` }, INVALID_TOKEN);
      }
      // ...and the tokens table is still there.
      await expect200(s, PAGE, { authorization: `Token ${read}` });
    });

    it('a revoked token is refused from the next request on', async () => {
      const { token } = await createToken(s.store.db, s.demo.id, 'read', 'to revoke');
      await expect200(s, PAGE, { authorization: `Token ${token}` });
      await expect200(s, `${PAGE}?auth_token=${token}`);
      const revoked = await revokeToken(s.store.db, token, cliActor());
      expect(revoked?.revoked).toBe(true);
      await expect401(s, PAGE, { authorization: `Token ${token}` }, INVALID_TOKEN);
      await expect401(s, PAGE, { authorization: `Bearer ${token}` }, INVALID_TOKEN);
      await expect401(s, `${PAGE}?auth_token=${token}`, {}, INVALID_TOKEN);
      // The account's other tokens are untouched.
      await expect200(s, PAGE, { authorization: `Token ${read}` });
    });

    it('authentication comes before parameter checks and lookups', async () => {
      for (const url of [
        '/v2/pages/landing_page/?page=0',
        '/v2/pages/nope/',
        '/v2/content/nope/',
        '/v2/pages/search/?query=',
      ]) {
        await expect401(s, url, {}, NO_CREDENTIALS);
        await expect401(s, url, { authorization: 'Token ghee_r_bogus' }, INVALID_TOKEN);
      }
    });
  });

  it('a write token may read', async () => {
    const write = s.demo.write_token;
    const viaHeader = await expect200(s, PAGE, { authorization: `Token ${write}` });
    expect(viaHeader.data.slug).toBe('about-us');
    await expect200(s, PAGE, { authorization: `Bearer ${write}` });
    await expect200(s, `${PAGE}?auth_token=${write}`);
    await expect200(s, `/v2/content/brands/?auth_token=${write}`);
    await expect200(s, `/v2/pages/search/?query=ghee&auth_token=${write}`);
  });

  describe('accounts do not see each other', () => {
    let b: CreatedAccount;
    let aBrandIds: number[];

    beforeAll(async () => {
      b = await createAccount(s.store.db, { name: 'Other shop' });
      await applySchema(s.store.db, b.id, {
        page_types: { article: { name: 'Article', fields: { headline: { type: 'short_text' } } } },
        // Same key as one of A's collections, on purpose.
        collections: { brands: { name: 'Brands', fields: { name: { type: 'short_text' } } } },
      });
      const brands = (await expect200(s, '/v2/content/brands/', { authorization: `Token ${read}` })).data.brands as {
        meta: { id: number };
      }[];
      aBrandIds = brands.map((x) => x.meta.id);
      expect(aBrandIds.length).toBeGreaterThan(0);
    });

    it("A's page type and pages are 404 for B, never 403", async () => {
      for (const token of [b.read_token, b.write_token]) {
        const auth = { authorization: `Token ${token}` };
        for (const url of [
          '/v2/pages/landing_page/',
          PAGE,
          '/v2/pages/*/homepage/',
          '/v2/pages/*/about-us/',
          '/v2/pages/search/?query=ghee&page_type=landing_page',
        ]) {
          const res = await call(s, url, auth);
          expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 404, body: PAGE_404 });
        }
        const res = await call(s, `${PAGE}?auth_token=${token}`);
        expect(res).toMatchObject({ status: 404, body: PAGE_404 });
      }
    });

    it("A's collections and items are 404 for B", async () => {
      const auth = { authorization: `Token ${b.read_token}` };
      expect(await call(s, '/v2/content/categories/', auth)).toMatchObject({ status: 404, body: COLLECTION_404 });
      expect(await call(s, '/v2/content/brands,categories/', auth)).toMatchObject({
        status: 404,
        body: COLLECTION_404,
      });
      for (const id of aBrandIds) {
        const res = await call(s, `/v2/content/brands/${id}/`, auth);
        expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 404, body: NOT_FOUND });
      }
    });

    it("B's own lists hold none of A's content", async () => {
      const auth = { authorization: `Token ${b.read_token}` };
      expect(await expect200(s, '/v2/content/brands/', auth)).toEqual({
        meta: { count: 0, next_page: null, previous_page: null },
        data: { brands: [] },
      });
      expect(await expect200(s, '/v2/pages/article/', auth)).toEqual({
        meta: { count: 0, next_page: null, previous_page: null },
        data: [],
      });
      expect((await expect200(s, '/v2/pages/*/', auth)).data).toEqual([]);
      const search = await expect200(s, '/v2/pages/search/?query=ghee', auth);
      expect(search.meta.count).toBe(0);
      expect(search.data).toEqual([]);
      // A's locale `es` is not B's.
      expect(await call(s, '/v2/content/brands/?locale=es', auth)).toMatchObject({
        status: 400,
        body: { detail: 'Invalid locale parameter' },
      });
    });

    it("A still sees its own content, and not B's", async () => {
      const auth = { authorization: `Token ${read}` };
      expect((await expect200(s, '/v2/content/brands/', auth)).meta.count).toBe(3);
      expect(await call(s, '/v2/pages/article/', auth)).toMatchObject({ status: 404, body: PAGE_404 });
    });
  });
});
