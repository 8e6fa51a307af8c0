import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { anonymousClient, member, signedInClient, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Roles (viewer < editor < admin < owner) and accounts that cannot see each other.

const FORBIDDEN = { detail: 'You do not have permission to perform this action', code: 'forbidden' };
const NOT_FOUND = { detail: 'Not found', code: 'not_found' };

describe.each(DIALECTS)('admin roles (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  let a: string;
  const as: Record<'viewer' | 'editor' | 'admin' | 'owner', AdminClient> = {} as never;
  let outsider: AdminClient;

  beforeAll(async () => {
    s = await demoServer(dialect);
    a = `/admin/api/accounts/${s.demo.id}`;
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const)
      as[role] = await member(s.app, s.store, s.demo.id, role);
    other = await createAccount(s.store.db, { name: 'Other', plan: 'trial' });
    outsider = await member(s.app, s.store, other.id, 'owner');
  });

  afterAll(async () => {
    await s?.close();
  });

  const page = () => `${a}/pages/landing_page/about-us`;

  it('a viewer reads everything an account shows, and changes nothing', async () => {
    const v = as.viewer;
    for (const url of [
      a,
      `${a}/pages`,
      page(),
      `${page()}/preview`,
      `${a}/items/brands`,
      `${a}/locales`,
      `${a}/schema`,
      `${a}/usage`,
    ]) {
      expect({ url, status: (await v.get(url)).status }).toEqual({ url, status: 200 });
    }
    expect(await v.request('PUT', page(), { fields: { headline: 'Nope' } })).toMatchObject({
      status: 403,
      body: FORBIDDEN,
    });
    expect(await v.request('POST', `${a}/items/brands`, { fields: { name: 'Nope' } })).toMatchObject({
      status: 403,
      body: FORBIDDEN,
    });
    expect(await v.request('POST', `${page()}/unpublish`)).toMatchObject({ status: 403, body: FORBIDDEN });
    expect(await v.request('DELETE', page())).toMatchObject({ status: 403, body: FORBIDDEN });
    // The role check comes before the body is read: a bad body still gets the 403.
    expect(await v.request('PUT', page(), 'not an object')).toMatchObject({ status: 403, body: FORBIDDEN });
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).not.toBe('Nope');
  });

  it('an editor edits content but cannot manage tokens, users, locales or the schema', async () => {
    const e = as.editor;
    expect(
      (await e.request('PUT', page(), { status: 'draft', fields: { summary: 'Edited by the editor' } })).status,
    ).toBe(200);
    const refused: [string, string, unknown][] = [
      ['GET', `${a}/tokens`, undefined],
      ['POST', `${a}/tokens`, { kind: 'read' }],
      ['POST', `${a}/tokens/1/rotate`, undefined],
      ['DELETE', `${a}/tokens/1`, undefined],
      ['GET', `${a}/users`, undefined],
      ['POST', `${a}/users`, { email: 'x@example.test', role: 'viewer' }],
      ['PUT', `${a}/locales`, { locales: [{ slug: 'en', name: 'English' }] }],
      ['PUT', `${a}/schema`, {}],
      ['POST', `${a}/schema/diff`, {}],
      ['PUT', `${a}/plan`, { plan: 'free' }],
    ];
    for (const [method, url, body] of refused) {
      const res = await e.request(method, url, body);
      expect({ method, url, status: res.status, body: res.body }).toEqual({
        method,
        url,
        status: 403,
        body: FORBIDDEN,
      });
    }
  });

  it('an admin manages tokens and users but cannot change the plan or act above their role', async () => {
    const ad = as.admin;
    expect((await ad.request('POST', `${a}/tokens`, { kind: 'read' })).status).toBe(201);
    expect((await ad.get(`${a}/users`)).status).toBe(200);
    expect(await ad.request('PUT', `${a}/plan`, { plan: 'free' })).toMatchObject({ status: 403, body: FORBIDDEN });
    expect(await ad.request('POST', `${a}/users`, { email: 'boss@example.test', role: 'owner' })).toMatchObject({
      status: 403,
      body: FORBIDDEN,
    });
    const ownerId = (await ad.get(`${a}/users`)).body.data.find((u: any) => u.role === 'owner').id;
    expect(await ad.request('PUT', `${a}/users/${ownerId}`, { role: 'viewer' })).toMatchObject({
      status: 403,
      body: FORBIDDEN,
    });
    expect(await ad.request('DELETE', `${a}/users/${ownerId}`)).toMatchObject({ status: 403, body: FORBIDDEN });
  });

  it("an owner keeps the plan; other plans and the limit are the operator's (test/plan-permissions.test.ts)", async () => {
    const res = await as.owner.request('PUT', `${a}/plan`, { plan: 'enterprise' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      plan: 'enterprise',
      monthly_call_limit: null,
      features: { monthly_calls: null, blocked_over_limit: false, write_api: true, locales: null, webhooks: true },
    });
    expect(await as.owner.request('PUT', `${a}/plan`, { plan: 'platinum' })).toMatchObject({
      status: 400,
      body: { detail: { fields: { plan: [expect.stringContaining('Unknown plan "platinum"')] } } },
    });
    expect(await as.owner.request('PUT', `${a}/plan`, { plan: 'professional' })).toMatchObject({
      status: 403,
      body: { detail: 'Only the operator of this Ghee install can move an account to the professional plan.' },
    });
    expect(
      await as.owner.request('PUT', `${a}/plan`, { plan: 'enterprise', monthly_call_limit: 2000000 }),
    ).toMatchObject({ status: 403 });
  });

  it("another account's members get 404 for everything of this account, and the reverse", async () => {
    for (const url of [
      a,
      `${a}/pages`,
      page(),
      `${a}/tokens`,
      `${a}/usage`,
      `${a}/users`,
      '/admin/api/accounts/999999',
      '/admin/api/accounts/abc',
      '/admin/api/accounts/0',
    ]) {
      const res = await outsider.get(url);
      expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 404, body: NOT_FOUND });
    }
    expect(await outsider.request('PUT', page(), { fields: { headline: 'Hijack' } })).toMatchObject({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await as.owner.get(`/admin/api/accounts/${other.id}`)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect((await outsider.get(`/admin/api/accounts/${other.id}`)).body.data).toMatchObject({
      id: other.id,
      name: 'Other',
      plan: 'trial',
      role: 'owner',
    });
  });

  describe('users', () => {
    const newPassword = 'chosen by new person';
    it('adds people only by invitation: a member once they accept the link with their own password', async () => {
      const res = await as.admin.request('POST', `${a}/users`, {
        email: 'New.Person@Example.test',
        role: 'editor',
        name: 'New Person',
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        email: 'new.person@example.test',
        name: 'New Person',
        role: 'editor',
        link: expect.stringContaining('/admin/invite/'),
      });
      expect(res.body.data).not.toHaveProperty('password');
      expect((await as.admin.get(`${a}/users`)).body.data.map((u: any) => u.email)).not.toContain(
        'new.person@example.test',
      );
      const token = res.body.data.link.split('/').pop();
      const browser = await anonymousClient(s.app);
      expect(
        (await browser.request('POST', `/admin/api/invitations/${token}/accept`, { password: newPassword })).status,
      ).toBe(200);
      const signedIn = await signedInClient(s.app, 'new.person@example.test', newPassword);
      expect((await signedIn.get(a)).body.data.role).toBe('editor');
    });

    it('refuses bad input as field errors', async () => {
      expect((await as.admin.request('POST', `${a}/users`, { email: 'not-an-email', role: 'viewer' })).body).toEqual({
        detail: { fields: { email: ['"not-an-email" is not an email address'] } },
        code: 'validation',
      });
      expect(
        (
          await as.admin.request('POST', `${a}/users`, {
            email: 'short@example.test',
            role: 'viewer',
            password: 'whatever1',
          })
        ).body,
      ).toEqual({ detail: "Unknown key 'password' in request body", code: 'unknown_body_key' });
      expect((await as.admin.request('POST', `${a}/users`, { email: 'r@example.test', role: 'god' })).body).toEqual({
        detail: { fields: { role: ['Choose one of owner, admin, editor, viewer.'] } },
        code: 'validation',
      });
    });

    it('changes and removes members; an account keeps at least one owner', async () => {
      const members = (await as.owner.get(`${a}/users`)).body.data;
      const viewer = members.find((u: any) => u.email === `viewer@${s.demo.id}.test`);
      const promoted = await as.admin.request('PUT', `${a}/users/${viewer.id}`, { role: 'admin' });
      expect(promoted.body.data).toMatchObject({ id: viewer.id, role: 'admin' });
      expect((await as.viewer.get(`${a}/tokens`)).status).toBe(200);
      expect((await as.admin.request('PUT', `${a}/users/${viewer.id}`, { role: 'viewer' })).status).toBe(200);

      const owner = members.find((u: any) => u.role === 'owner');
      expect(await as.owner.request('PUT', `${a}/users/${owner.id}`, { role: 'admin' })).toMatchObject({
        status: 400,
        body: { detail: { fields: { role: ['An account needs at least one owner'] } } },
      });
      expect((await as.owner.request('DELETE', `${a}/users/${owner.id}`)).status).toBe(400);
      expect(await as.owner.request('DELETE', `${a}/users/999999`)).toMatchObject({ status: 404, body: NOT_FOUND });

      const gone = members.find((u: any) => u.email === 'new.person@example.test');
      const client = await signedInClient(s.app, 'new.person@example.test', newPassword);
      expect((await as.admin.request('DELETE', `${a}/users/${gone.id}`)).status).toBe(204);
      // Removed from the account: from their next request the account no longer exists for them.
      expect(await client.get(a)).toMatchObject({ status: 404, body: NOT_FOUND });
      expect((await client.get('/admin/api/session')).body.data.memberships).toEqual([]);
      expect((await as.owner.get(`${a}/users`)).body.data.map((u: any) => u.email)).not.toContain(
        'new.person@example.test',
      );
    });
  });
});
