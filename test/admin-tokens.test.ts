import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Settings > API Tokens: masked lists, the full value once at create and rotate, revocation that
// /v2 honours from the next request, and the plan gate on write tokens.

const INVALID_TOKEN = { detail: 'Invalid token' };
const FORBIDDEN = { detail: 'You do not have permission to perform this action' };
const PAGE = '/v2/pages/landing_page/about-us/';

describe.each(DIALECTS)('admin tokens (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let tokens: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    tokens = `/admin/api/accounts/${s.demo.id}/tokens`;
  });

  afterAll(async () => {
    await s?.close();
  });

  it('lists tokens masked: prefix and last four characters, never the token or its hash', async () => {
    const res = await admin.get(tokens);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        id: expect.any(Number),
        kind: 'read',
        prefix: 'ghee_r_',
        last4: s.demo.read_token.slice(-4),
        label: 'default read token',
        created: expect.any(String),
        last_used: null,
        revoked: false,
      },
      {
        id: expect.any(Number),
        kind: 'write',
        prefix: 'ghee_w_',
        last4: s.demo.write_token.slice(-4),
        label: 'default write token',
        created: expect.any(String),
        last_used: null,
        revoked: false,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(s.demo.read_token);
  });

  it('creates a token, shown in full once, that works on /v2 at once', async () => {
    const res = await admin.request('POST', tokens, { kind: 'read', label: 'website' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      kind: 'read',
      label: 'website',
      revoked: false,
      token: expect.stringMatching(/^ghee_r_[0-9A-Za-z]{40}$/),
    });
    expect(res.body.data.last4).toBe(res.body.data.token.slice(-4));
    expect((await s.get(PAGE, res.body.data.token)).status).toBe(200);
    const listed = (await admin.get(tokens)).body.data.find((t: any) => t.id === res.body.data.id);
    expect(listed).not.toHaveProperty('token');
    expect(await admin.request('POST', tokens, { kind: 'admin' })).toMatchObject({
      status: 400,
      body: { detail: { fields: { kind: ['Choose "read" or "write".'] } } },
    });
  });

  it('rotates: the old token gets 401 Invalid token, the new one (same kind and label) works', async () => {
    const created = (await admin.request('POST', tokens, { kind: 'write', label: 'ci' })).body.data;
    expect(
      (await s.send('POST', '/v2/content/', { key: 'brands', fields: [{ name: 'Rotated Co' }] }, created.token)).status,
    ).toBe(202);
    const rotated = await admin.request('POST', `${tokens}/${created.id}/rotate`);
    expect(rotated.status).toBe(201);
    expect(rotated.body.data).toMatchObject({
      kind: 'write',
      label: 'ci',
      revoked: false,
      token: expect.stringMatching(/^ghee_w_/),
    });
    expect(rotated.body.data.id).not.toBe(created.id);
    expect(await s.get(PAGE, created.token)).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect((await s.get(PAGE, rotated.body.data.token)).status).toBe(200);
    // A revoked token cannot be rotated again.
    expect((await admin.request('POST', `${tokens}/${created.id}/rotate`)).status).toBe(404);
  });

  it('revokes: /v2 refuses the token from the next request; revoking again changes nothing', async () => {
    const created = (await admin.request('POST', tokens, { kind: 'read' })).body.data;
    expect((await s.get(PAGE, created.token)).status).toBe(200);
    const res = await admin.request('DELETE', `${tokens}/${created.id}`);
    expect(res).toMatchObject({ status: 200, body: { data: { id: created.id, revoked: true } } });
    expect(await s.get(PAGE, created.token)).toMatchObject({ status: 401, body: INVALID_TOKEN });
    expect((await admin.request('DELETE', `${tokens}/${created.id}`)).status).toBe(200);
    expect((await admin.request('DELETE', `${tokens}/999999`)).status).toBe(404);
    expect((await admin.request('DELETE', `${tokens}/nope`)).status).toBe(404);
  });

  describe('on a plan without the write API', () => {
    let free: CreatedAccount;
    let owner: AdminClient;
    let freeTokens: string;

    beforeAll(async () => {
      free = await createAccount(s.store.db, { name: 'Free', plan: 'free' });
      owner = await member(s.app, s.store, free.id, 'owner');
      freeTokens = `/admin/api/accounts/${free.id}/tokens`;
    });

    it('refuses to create or rotate a write token with the 403; read tokens are fine', async () => {
      expect(await owner.request('POST', freeTokens, { kind: 'write' })).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
      expect((await owner.request('POST', freeTokens, { kind: 'read' })).status).toBe(201);
      const write = (await owner.get(freeTokens)).body.data.find((t: any) => t.kind === 'write');
      expect(await owner.request('POST', `${freeTokens}/${write.id}/rotate`)).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
      // The refused rotation changed nothing: the write token is still there (and still only reads).
      expect((await owner.get(freeTokens)).body.data.find((t: any) => t.id === write.id).revoked).toBe(false);
      expect((await s.get('/v2/pages/*/', free.write_token)).status).toBe(200);
    });

    it("cannot touch another account's tokens (404)", async () => {
      const demoToken = (await admin.get(tokens)).body.data[0];
      expect((await owner.request('DELETE', `${freeTokens}/${demoToken.id}`)).status).toBe(404);
      expect((await owner.request('POST', `${freeTokens}/${demoToken.id}/rotate`)).status).toBe(404);
      expect((await s.get(PAGE)).status).toBe(200);
    });
  });
});
