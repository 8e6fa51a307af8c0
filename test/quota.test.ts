import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

const BLOCKED = { detail: 'API Calls limit reached.' };

describe.each(DIALECTS)('quotas (%s)', (dialect) => {
  let s: TestServer;
  let now = new Date('2026-03-10T12:00:00.000Z');
  const at = (iso: string) => (now = new Date(iso));
  beforeAll(async () => {
    s = await demoServer(dialect, { clock: () => now, config: { usageFlushMs: 60_000 } });
  });
  afterAll(async () => s?.close());

  const account = (name: string, plan: string, limit: number, anchor = 1): Promise<CreatedAccount> =>
    createAccount(s.store.db, { name, plan, monthlyCallLimit: limit, billingAnchorDay: anchor });
  const get = (token: string, url = '/v2/pages/*/') =>
    s.app.inject({ method: 'GET', url, headers: { authorization: `Token ${token}` } });
  const callsOf = async (id: number) => {
    await s.ctx.meter.flush();
    const rows = await s.store.db
      .selectFrom('api_usage')
      .select(['day', 'calls'])
      .where('account_id', '=', id)
      .orderBy('day')
      .execute();
    return rows.reduce((n, r) => n + r.calls, 0);
  };

  it('lets exactly `limit` calls through, then answers 429 with Retry-After to the end of the month', async () => {
    at('2026-03-10T12:00:00.000Z');
    const a = await account('Five calls', 'free', 5);
    for (let i = 0; i < 5; i++) {
      const r = await get(a.read_token);
      expect(r.statusCode).toBe(200);
      expect(r.headers['ratelimit-policy']).toBe('"monthly";q=5;w=2678400');
      expect(r.headers.ratelimit).toBe(`"monthly";r=${4 - i};t=1857600`);
    }
    const blocked = await get(a.read_token);
    expect(blocked.statusCode).toBe(429);
    expect(JSON.parse(blocked.body)).toEqual(BLOCKED);
    expect(blocked.headers['retry-after']).toBe('1857600');
    expect(blocked.headers.ratelimit).toBe('"monthly";r=0;t=1857600');
    // Every endpoint, write ones included; blocked calls are not counted.
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/v2/pages/',
          headers: { authorization: `Token ${a.write_token}` },
          payload: {},
        })
      ).statusCode,
    ).toBe(429);
    expect((await get(a.read_token, '/v2/content/nope/')).statusCode).toBe(429);
    expect(await callsOf(a.id)).toBe(5);
  });

  it('counts failed calls but not unauthenticated ones', async () => {
    const a = await account('Counting', 'free', 100);
    await get(a.read_token, '/v2/pages/nope/');
    await get(a.read_token, '/v2/pages/*/?page=0');
    await s.app.inject({ method: 'GET', url: '/v2/pages/*/' });
    await get('ghee_r_unknown', '/v2/pages/*/');
    await s.app.inject({ method: 'OPTIONS', url: '/v2/pages/*/', headers: { 'access-control-request-method': 'GET' } });
    expect(await callsOf(a.id)).toBe(2);
  });

  it('computes Retry-After at the last second of a month and in a 28-day month', async () => {
    at('2026-02-10T00:00:00.000Z');
    const a = await account('February', 'trial', 1);
    expect((await get(a.read_token)).headers['ratelimit-policy']).toBe('"monthly";q=1;w=2419200');
    at('2026-02-28T23:59:59.250Z');
    const last = await get(a.read_token);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBe('1');
    at('2026-02-28T23:59:58.000Z');
    expect((await get(a.read_token)).headers['retry-after']).toBe('2');
  });

  it('lifts the block when the next billing month starts', async () => {
    at('2026-05-31T23:00:00.000Z');
    const a = await account('Monthly', 'free', 2);
    await get(a.read_token);
    await get(a.read_token);
    expect((await get(a.read_token)).statusCode).toBe(429);
    at('2026-06-01T00:00:00.000Z');
    const r = await get(a.read_token);
    expect(r.statusCode).toBe(200);
    expect(r.headers.ratelimit).toBe('"monthly";r=1;t=2592000');
  });

  it('uses the account anchor day for its billing month', async () => {
    at('2026-03-10T00:00:00.000Z');
    const a = await account('Anchored', 'free', 1, 15);
    const first = await get(a.read_token);
    // Billing month 2026-02-15 .. 2026-03-15: 28 days long, 5 days left.
    expect(first.headers['ratelimit-policy']).toBe('"monthly";q=1;w=2419200');
    expect(first.headers.ratelimit).toBe('"monthly";r=0;t=432000');
    expect((await get(a.read_token)).headers['retry-after']).toBe('432000');
    at('2026-03-15T00:00:00.000Z');
    expect((await get(a.read_token)).statusCode).toBe(200);
  });

  it('does not overshoot with concurrent calls around the limit', async () => {
    at('2026-07-01T10:00:00.000Z');
    const a = await account('Concurrent', 'free', 20);
    const results = await Promise.all(Array.from({ length: 50 }, () => get(a.read_token)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(20);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(30);
    expect(await callsOf(a.id)).toBe(20);
  });

  it('never blocks paid plans and records their overage', async () => {
    at('2026-07-01T10:00:00.000Z');
    const a = await account('Paid', 'basic', 3);
    for (let i = 0; i < 5; i++) expect((await get(a.read_token)).statusCode).toBe(200);
    expect((await get(a.read_token)).headers.ratelimit).toBe('"monthly";r=0;t=2642400');
    expect(await callsOf(a.id)).toBe(6);
  });

  it('applies a plan or limit change at once', async () => {
    at('2026-07-02T10:00:00.000Z');
    const a = await account('Upgraded', 'free', 1);
    await get(a.read_token);
    expect((await get(a.read_token)).statusCode).toBe(429);
    await s.store.db.updateTable('accounts').set({ monthly_call_limit: 3 }).where('id', '=', a.id).execute();
    expect((await get(a.read_token)).statusCode).toBe(200);
    expect((await get(a.read_token)).statusCode).toBe(200);
    expect((await get(a.read_token)).statusCode).toBe(429);
    await s.store.db.updateTable('accounts').set({ plan: 'professional' }).where('id', '=', a.id).execute();
    expect((await get(a.read_token)).statusCode).toBe(200);
  });

  it('answers the quota before the plan check, and sends no RateLimit headers without a limit', async () => {
    at('2026-07-03T10:00:00.000Z');
    const a = await account('Free writer', 'free', 1);
    const write = () =>
      s.app.inject({
        method: 'POST',
        url: '/v2/pages/',
        headers: { authorization: `Token ${a.write_token}` },
        payload: {},
      });
    expect((await write()).statusCode).toBe(403);
    expect((await write()).statusCode).toBe(429);
    const unlimited = await get(s.demo.read_token);
    expect(unlimited.statusCode).toBe(200);
    expect(unlimited.headers.ratelimit).toBeUndefined();
    expect(unlimited.headers['ratelimit-policy']).toBeUndefined();
  });
});
