import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { anonymousClient, member, type AdminClient } from './helpers/admin.js';
import { AT, UUID } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Reading the audit log (docs/api.md §12.3): GET /v2/audit/ with a write token and the admin API's
// GET .../audit for admins, the same records, newest first, filtered and paged; a bad filter is a
// 400 that says which; a read token, an editor and another account see nothing.

const NO_CREDENTIALS = { detail: 'Authentication credentials were not provided' };
const SINCE =
  'since should be an ISO 8601 date-time with a zone (2026-05-17T09:00:00Z), a date (2026-05-17) or a time ago (30m, 12h, 7d)';

describe.each(DIALECTS)('reading the audit log (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  let admin: AdminClient;
  let editor: AdminClient;
  let audit: string;
  let tokenId: number;
  let writeRequest: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    audit = `/admin/api/accounts/${s.demo.id}/audit`;
    // Records of the demo account: a token made in the dashboard, a page saved with the write token.
    tokenId = (await admin.request('POST', `/admin/api/accounts/${s.demo.id}/tokens`, { kind: 'read', label: 'ci' }))
      .body.data.id;
    const saved = await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { headline: 'Audited' } });
    expect(saved.status).toBe(202);
    writeRequest = saved.headers['x-request-id'] as string;
    // And records of the other account, which the demo account never sees.
    const theirs = await member(s.app, s.store, other.id, 'admin');
    await theirs.request('POST', `/admin/api/accounts/${other.id}/tokens`, { kind: 'read', label: 'theirs' });
  });

  afterAll(async () => {
    await s?.close();
  });

  const v2 = (query = '', token: string | null = s.demo.write_token) => s.get(`/v2/audit/${query}`, token);

  it('lists the records newest first, each in the documented shape', async () => {
    const res = await v2('?page_size=100');
    expect(res.status).toBe(200);
    const write = res.body.data.find((r: any) => r.request_id === writeRequest);
    expect(write).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(AT),
      actor: { type: 'token', name: 'default write token' },
      action: 'update',
      kind: 'page',
      target: { id: expect.any(String), slug: 'launch' },
      request_id: expect.stringMatching(UUID),
      client: '127.0.0.1',
      detail: { type: 'landing_page' },
    });
    const ids = res.body.data.map((r: any) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(res.body.meta).toEqual({ count: ids.length, next_page: null, previous_page: null });
  });

  it('the admin API answers the same records as /v2', async () => {
    const [fromAdmin, fromV2] = [await admin.get(`${audit}?page_size=100`), await v2('?page_size=100')];
    expect(fromAdmin.status).toBe(200);
    expect(fromAdmin.body).toEqual(fromV2.body);
  });

  it.for<[string, string, (r: any) => boolean]>([
    ['actor (exact)', '?actor=default%20write%20token', (r) => r.actor.name === 'default write token'],
    ['kind', '?kind=token', (r) => r.kind === 'token'],
    ['action', '?action=token.create', (r) => r.action === 'token.create'],
    ['target by slug', '?target=launch', (r) => r.target.slug === 'launch'],
    // The demo content's records carry the times it was made up with, years back.
    ['since, as a time ago', '?since=1h', (r) => Date.parse(r.at) > Date.now() - 3_600_000],
    ['since and until, as dates', '?since=2000-01-01&until=2999-12-31', () => true],
  ])('filters by %s', async ([, query, keep]) => {
    const all = (await v2('?page_size=100')).body.data;
    const res = await v2(`${query}${query ? '&' : '?'}page_size=100`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data).toEqual(all.filter(keep));
  });

  it('filters by target id, and by the actor that matches no record', async () => {
    const byId = (await v2(`?target=${tokenId}&kind=token`)).body.data;
    expect(byId.map((r: any) => r.action)).toEqual(['token.create']);
    expect((await v2('?actor=default')).body).toEqual({
      meta: { count: 0, next_page: null, previous_page: null },
      data: [],
    });
    expect((await v2('?since=2999-01-01T00:00:00Z')).body.data).toEqual([]);
    expect((await v2('?until=2000-01-01')).body.data).toEqual([]);
  });

  it('pages: page_size and page, with the count of all that match', async () => {
    const all = (await v2('?page_size=100')).body.data;
    expect(all.length).toBeGreaterThan(3);
    const first = await v2('?page_size=2');
    expect(first.body).toEqual({
      meta: { count: all.length, next_page: 2, previous_page: null },
      data: all.slice(0, 2),
    });
    const second = await v2('?page_size=2&page=2');
    expect(second.body.data).toEqual(all.slice(2, 4));
    expect(second.body.meta.previous_page).toBe(1);
  });

  it('answers a change made since the last read (the answer is never cached)', async () => {
    const before = (await v2()).body.meta.count;
    await admin.request('POST', `/admin/api/accounts/${s.demo.id}/tokens`, { kind: 'read', label: 'later' });
    expect((await v2()).body.meta.count).toBe(before + 1);
  });

  it.for<[string, string, string]>([
    ['since', '?since=yesterday', SINCE],
    ['until', '?until=2026-02-30', SINCE.replace('since', 'until')],
    ['since', '?since=100000d', SINCE],
    [
      'kind',
      '?kind=pages',
      'kind should be one of: page, item, post, schema, locale, token, user, account, webhook, session, media',
    ],
    ['action', '?action=token.delete', 'action should be one of: '],
  ])('a bad %s is a 400 saying what it takes (%s)', async ([, query, detail]) => {
    for (const res of [await v2(query), await admin.get(`${audit}${query}`)]) {
      expect(res.status).toBe(400);
      expect(res.body.detail.startsWith(detail)).toBe(true);
    }
    expect((await admin.get(`${audit}${query}`)).body.code).toBe('invalid_audit_filter');
  });

  it('a bad page_size is the usual 400', async () => {
    expect(await v2('?page_size=101')).toMatchObject({
      status: 400,
      body: { detail: 'page_size query parameter should be an integer between 1 and 100 (inclusive)' },
    });
  });

  it('needs a write token on /v2: a read token and none are 401', async () => {
    expect(await v2('', s.demo.read_token)).toMatchObject({ status: 401, body: NO_CREDENTIALS });
    expect(await v2('', null)).toMatchObject({ status: 401, body: NO_CREDENTIALS });
  });

  it('needs an admin in the dashboard: an editor is 403, a member of another account 404', async () => {
    expect((await editor.get(audit)).status).toBe(403);
    const outsider = await member(s.app, s.store, other.id, 'owner', 'outsider@example.test');
    expect((await outsider.get(audit)).status).toBe(404);
  });

  it("never shows another account's records, nor those of no account", async () => {
    const mine = (await v2('?page_size=100')).body.data;
    const theirs = (await v2('?page_size=100', other.write_token)).body.data;
    expect(theirs.some((r: any) => r.detail?.label === 'theirs')).toBe(true);
    expect(mine.some((r: any) => r.detail?.label === 'theirs')).toBe(false);
    const mineIds = new Set(mine.map((r: any) => r.id));
    expect(theirs.filter((r: any) => mineIds.has(r.id))).toEqual([]);
    // A failed sign-in of an unknown email is a record of no account: no account lists it.
    expect((await (await anonymousClient(s.app)).signIn('nobody@example.test', 'x')).status).toBe(401);
    const stored = await s.store.db.selectFrom('audit_log').select('id').where('account_id', 'is', null).execute();
    expect(stored).toHaveLength(1);
    expect((await v2('?action=sign_in_failed')).body.data).toEqual([]);
    expect((await v2('?action=sign_in_failed', other.write_token)).body.data).toEqual([]);
  });
});
