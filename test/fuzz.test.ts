import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/accounts/tokens.js';
import { member, PASSWORD, signedInClient, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { requestArbitrary, type FuzzRequest } from './helpers/fuzz-requests.js';
import { listRoutes, withServedMethods, type RouteTemplate } from './helpers/route-list.js';
import { demoServer, type TestServer } from './helpers/server.js';

// A fixed-seed fuzz run over every route the app registers, with every method and junk in the
// path, query, headers and body: no answer may be a 5xx, and every 4xx must be the contract's
// JSON `{"detail": ...}` with a request id. A failure prints the requests that broke it.

const SEED = 20261202;
const RUNS = 2500;
const FUZZ_ADDRESS = '198.51.100.7';

interface Failure {
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

describe.each(DIALECTS)('fuzzing every endpoint (%s)', (dialect) => {
  let s: TestServer;
  let owner: AdminClient;
  let tokens: { read: string; write: string };
  let routes: RouteTemplate[];
  const ownerEmail = 'fuzz-owner@demo.test';

  beforeAll(async () => {
    // Downloads the fuzzer provokes go nowhere (port 1): a short timeout keeps the run short.
    s = await demoServer(dialect, { config: { mediaFetchTimeoutMs: 1000 } });
    owner = await member(s.app, s.store, s.demo.id, 'owner', ownerEmail);
    tokens = { read: s.demo.read_token, write: s.demo.write_token };
    routes = await withServedMethods(s.app, listRoutes(s.app));
  });

  afterAll(async () => {
    await s?.close();
  });

  function headersFor(r: FuzzRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    if (r.auth === 'read' || r.auth === 'write') headers.authorization = `Token ${tokens[r.auth]}`;
    if (r.auth === 'junk') headers.authorization = 'Token ghee_r_0000000000000000000000000000000000';
    if (r.auth === 'session' || r.auth === 'session-no-csrf') {
      headers.cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (r.auth === 'session') headers['x-csrf-token'] = owner.csrf;
    }
    if (r.contentType) headers['content-type'] = r.contentType;
    return headers;
  }

  /** Keeps the fuzzer's credentials working when a request revoked them (that is allowed). */
  async function heal(r: FuzzRequest, status: number, body: string): Promise<void> {
    if ((r.auth === 'read' || r.auth === 'write') && status === 401 && body.includes('Invalid token')) {
      tokens = {
        read: (await createToken(s.store.db, s.demo.id, 'read', 'fuzz')).token,
        write: (await createToken(s.store.db, s.demo.id, 'write', 'fuzz')).token,
      };
    }
    if (r.auth.startsWith('session') && status === 401) owner = await signedInClient(s.app, ownerEmail, PASSWORD);
    // A fuzzed request may demote or remove the fuzzer's owner once another owner exists.
    if (r.auth.startsWith('session') && (status === 403 || status === 404)) {
      const user = await s.store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', ownerEmail)
        .executeTakeFirstOrThrow();
      await s.store.db
        .deleteFrom('memberships')
        .where('user_id', '=', user.id)
        .where('account_id', '=', s.demo.id)
        .execute();
      await s.store.db
        .insertInto('memberships')
        .values({ user_id: user.id, account_id: s.demo.id, role: 'owner', created: new Date().toISOString() })
        .execute();
    }
  }

  function problemOf(r: FuzzRequest, status: number, headers: Record<string, unknown>, body: string): string | null {
    if (status >= 500) return '5xx';
    if (!headers['x-request-id']) return 'no X-Request-Id';
    if (status < 400 || r.method === 'HEAD') return null;
    if (!String(headers['content-type']).startsWith('application/json'))
      return `error as ${String(headers['content-type'])}`;
    try {
      const parsed = JSON.parse(body) as { detail?: unknown };
      return parsed.detail === undefined ? 'error without detail' : null;
    } catch {
      return 'error body is not JSON';
    }
  }

  it(`answers ${RUNS} generated requests (seed ${SEED}) with no 5xx and every error a JSON {"detail"}`, async () => {
    const requests = fc.sample(requestArbitrary(routes), { seed: SEED, numRuns: RUNS });
    const failures: Failure[] = [];
    const hits = new Map<string, number>();
    for (const r of requests) {
      const url = r.url.replaceAll('@account', String(s.demo.id));
      const res = await s.app.inject({
        method: r.method as 'GET',
        url,
        headers: headersFor(r),
        remoteAddress: FUZZ_ADDRESS,
        ...(r.body !== null && { payload: r.body }),
      });
      const problem = problemOf(r, res.statusCode, res.headers, res.body);
      if (problem) failures.push({ request: r, status: res.statusCode, problem, body: res.body.slice(0, 300) });
      hits.set(r.route, (hits.get(r.route) ?? 0) + 1);
      await heal(r, res.statusCode, res.body);
    }
    expect(failures).toEqual([]);
    // Every route was reached, so a route added later is fuzzed too.
    expect(routes.filter((t) => (hits.get(t.path) ?? 0) < 10).map((t) => t.path)).toEqual([]);
  }, 600_000);
});
