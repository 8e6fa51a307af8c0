import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { addTestMember, anonymousClient, member, PASSWORD, signedInClient, type AdminClient } from './helpers/admin.js';
import { AT, fromRequest, noRecord, oneRecord, userActor } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, invite } from './helpers/invitations.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The audit log (docs/api.md §12.3) of who may come in: invitations, accepts, role changes,
// removals and revoked invitations. One record per change, filed in the account, of kind `user`,
// naming the email concerned and never the invitation's link; a refused change records nothing.

describe.each(DIALECTS)('audit records of members (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let editor: AdminClient;
  let other: CreatedAccount;
  let users: string;
  let adminEmail: string;
  let n = 0;

  beforeAll(async () => {
    s = await demoServer(dialect);
    adminEmail = `admin@${s.demo.id}.test`;
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    other = await createAccount(s.store.db, { name: 'Other', plan: 'trial' });
    users = `/admin/api/accounts/${s.demo.id}/users`;
  });

  afterAll(async () => {
    await s?.close();
  });

  const fresh = () => `person${++n}@example.test`;
  const userId = async (email: string) =>
    (await s.store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('an invitation: member.invite with the email and role, never the link', async () => {
    const email = fresh();
    const { result, record } = await oneRecord(s.store, () => invite(admin, s.demo.id, { email, role: 'editor' }));
    expect(result.res.status).toBe(201);
    expect(record).toEqual({
      id: expect.any(Number),
      account_id: s.demo.id,
      at: expect.stringMatching(AT),
      actor: userActor(adminEmail),
      action: 'member.invite',
      kind: 'user',
      target: { id: null, slug: email },
      ...fromRequest(result.res),
      detail: { role: 'editor', invitation: result.res.body.data.id },
    });
    expect(JSON.stringify(record)).not.toContain(result.token);
  });

  it('accepting as a new user: member.accept, by the invitee, from their request', async () => {
    const email = fresh();
    const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
    const browser = await anonymousClient(s.app);
    const { result, record } = await oneRecord(s.store, () => accept(browser, token, { password: PASSWORD }));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      account_id: s.demo.id,
      actor: userActor(email),
      action: 'member.accept',
      kind: 'user',
      target: { id: String(await userId(email)), slug: email },
      ...fromRequest(result),
      detail: { role: 'viewer' },
    });
  });

  it('accepting as an existing user, signed in: member.accept, filed in the inviting account only', async () => {
    const email = fresh();
    await addTestMember(s.store, other.id, { email, role: 'owner' });
    const browser = await signedInClient(s.app, email, PASSWORD);
    const { token } = await invite(admin, s.demo.id, { email, role: 'editor' });
    const { result, record } = await oneRecord(s.store, () => accept(browser, token));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      account_id: s.demo.id,
      actor: userActor(email),
      action: 'member.accept',
      ...fromRequest(result),
    });
  });

  it('a used link (404) records nothing', async () => {
    const { token } = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    await accept(await anonymousClient(s.app), token, { password: PASSWORD });
    const again = await noRecord(s.store, async () =>
      accept(await anonymousClient(s.app), token, { password: PASSWORD }),
    );
    expect(again.status).toBe(404);
  });

  it('a role change: member.role with the roles before and after; the same role again records nothing', async () => {
    const email = fresh();
    const { id } = await addTestMember(s.store, s.demo.id, { email, role: 'viewer' });
    const { result, record } = await oneRecord(s.store, () =>
      admin.request('PUT', `${users}/${id}`, { role: 'editor' }),
    );
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      account_id: s.demo.id,
      actor: userActor(adminEmail),
      action: 'member.role',
      kind: 'user',
      target: { id: String(id), slug: email },
      ...fromRequest(result),
      detail: { role: 'editor', previous_role: 'viewer' },
    });
    expect((await noRecord(s.store, () => admin.request('PUT', `${users}/${id}`, { role: 'editor' }))).status).toBe(
      200,
    );
  });

  it('a removal: member.remove with the role they had', async () => {
    const email = fresh();
    const { id } = await addTestMember(s.store, s.demo.id, { email, role: 'editor' });
    const { result, record } = await oneRecord(s.store, () => admin.request('DELETE', `${users}/${id}`));
    expect(result.status).toBe(204);
    expect(record).toMatchObject({
      account_id: s.demo.id,
      action: 'member.remove',
      target: { id: String(id), slug: email },
      ...fromRequest(result),
      detail: { role: 'editor' },
    });
  });

  it('a revoked invitation: invitation.revoke with the email and role', async () => {
    const email = fresh();
    const { res } = await invite(admin, s.demo.id, { email, role: 'viewer' });
    const url = `/admin/api/accounts/${s.demo.id}/invitations/${res.body.data.id}`;
    const { result, record } = await oneRecord(s.store, () => admin.request('DELETE', url));
    expect(result.status).toBe(204);
    expect(record).toMatchObject({
      account_id: s.demo.id,
      actor: userActor(adminEmail),
      action: 'invitation.revoke',
      kind: 'user',
      target: { id: null, slug: email },
      ...fromRequest(result),
      detail: { role: 'viewer', invitation: res.body.data.id },
    });
    expect((await noRecord(s.store, () => admin.request('DELETE', url))).status).toBe(404);
  });

  it.for<[string, () => Promise<{ status: number }>, number]>([
    [
      'inviting a member again',
      () => admin.request('POST', users, { email: `editor@${s.demo.id}.test`, role: 'viewer' }),
      400,
    ],
    [
      'inviting an owner, as an admin',
      () => admin.request('POST', users, { email: 'boss@example.test', role: 'owner' }),
      403,
    ],
    ['inviting, as an editor', () => editor.request('POST', users, { email: 'x@example.test', role: 'viewer' }), 403],
    ['changing a role, as an editor', () => editor.request('PUT', `${users}/1`, { role: 'viewer' }), 403],
    ['removing an unknown member', () => admin.request('DELETE', `${users}/999999`), 404],
  ])('refused (%s) records nothing', async ([, act, status]) => {
    expect((await noRecord(s.store, act)).status).toBe(status);
  });

  it('removing the last owner (400) records nothing', async () => {
    const owner = await createAccount(s.store.db, { name: 'Solo', plan: 'trial' });
    const { id } = await addTestMember(s.store, owner.id, { email: fresh(), role: 'owner' });
    const operator = await member(s.app, s.store, owner.id, 'owner', fresh());
    // Two owners: the second one demotes the first, then cannot demote themselves.
    await operator.request('PUT', `/admin/api/accounts/${owner.id}/users/${id}`, { role: 'admin' });
    const self = await userId(`person${n}@example.test`);
    const last = await noRecord(s.store, () =>
      operator.request('PUT', `/admin/api/accounts/${owner.id}/users/${self}`, { role: 'admin' }),
    );
    expect(last.status).toBe(400);
  });
});
