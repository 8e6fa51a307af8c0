import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { MAX_INVITATIONS_PER_ACCOUNT } from '../src/users/invitations.js';
import { isoMicro } from '../src/time.js';
import { anonymousClient, member, type AdminClient } from './helpers/admin.js';
import { movableClock, TIMESTAMP } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, GONE, invite, LINK } from './helpers/invitations.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Pending invitations as admins manage them: listed (never with a token), revoked, renewed by
// inviting again; nobody invites, renews or revokes above their own role.

const FORBIDDEN = { detail: 'You do not have permission to perform this action' };
const NOT_FOUND = { detail: 'Not found' };
const DAY = 24 * 3600_000;

describe.each(DIALECTS)('managing invitations (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  const as = {} as Record<'editor' | 'admin' | 'owner', AdminClient>;
  let outsider: AdminClient;
  let a: string;
  const clock = movableClock();

  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    a = `/admin/api/accounts/${s.demo.id}`;
    for (const role of ['editor', 'admin', 'owner'] as const) as[role] = await member(s.app, s.store, s.demo.id, role);
    other = await createAccount(s.store.db, { name: 'Other', plan: 'trial' });
    outsider = await member(s.app, s.store, other.id, 'owner');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('answers an invitation with its link, once; the list shows it without any token', async () => {
    const { res, token } = await invite(as.admin, s.demo.id, {
      email: ' Listed@Example.TEST ',
      role: 'editor',
      name: ' Lis Ted ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.any(Number),
        email: 'listed@example.test',
        name: 'Lis Ted',
        role: 'editor',
        created: expect.stringMatching(TIMESTAMP),
        expires: expect.stringMatching(TIMESTAMP),
        expired: false,
        invited_by: { id: expect.any(Number), email: `admin@${s.demo.id}.test`, name: '' },
        link: expect.stringMatching(LINK),
        mail: 'not_configured',
      },
    });
    const list = await as.admin.get(`${a}/invitations`);
    const { link: _link, mail: _mail, ...listed } = res.body.data;
    expect(list.body.data).toContainEqual(listed);
    expect(JSON.stringify(list.body)).not.toContain(token);
    // Only a hash is stored.
    const row = await s.store.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', listed.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
  });

  it('POST .../invitations invites as POST .../users does', async () => {
    const res = await as.admin.request('POST', `${a}/invitations`, {
      email: 'other.path@example.test',
      role: 'viewer',
    });
    expect(res).toMatchObject({
      status: 201,
      body: { data: { email: 'other.path@example.test', role: 'viewer', link: expect.stringMatching(LINK) } },
    });
  });

  it('inviting an email again renews its invitation: same id, new link and expiry, the new role', async () => {
    const first = await invite(as.admin, s.demo.id, { email: 'renewed@example.test', role: 'viewer' });
    clock.advance(DAY);
    const second = await invite(as.admin, s.demo.id, { email: 'renewed@example.test', role: 'editor' });
    expect(second.res.body.data).toMatchObject({ id: first.res.body.data.id, role: 'editor' });
    const moved = Date.parse(second.res.body.data.expires) - Date.parse(first.res.body.data.expires);
    expect(moved).toBeGreaterThanOrEqual(DAY);
    expect(moved).toBeLessThan(DAY + 5_000);
    const list = (await as.admin.get(`${a}/invitations`)).body.data.filter(
      (i: any) => i.email === 'renewed@example.test',
    );
    expect(list).toHaveLength(1);
    expect(await accept(await anonymousClient(s.app), first.token, { password: 'long enough' })).toMatchObject({
      status: 404,
      body: GONE,
    });
  });

  it('revokes: 204, then the not-found answers', async () => {
    const { res } = await invite(as.admin, s.demo.id, { email: 'revoked@example.test', role: 'viewer' });
    const url = `${a}/invitations/${res.body.data.id}`;
    expect(await as.admin.request('DELETE', url)).toMatchObject({ status: 204, body: null });
    expect(await as.admin.request('DELETE', url)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect((await as.admin.get(`${a}/invitations`)).body.data.map((i: any) => i.email)).not.toContain(
      'revoked@example.test',
    );
    for (const bad of ['0', 'abc', '99999999999', '999999']) {
      expect(await as.admin.request('DELETE', `${a}/invitations/${bad}`)).toMatchObject({
        status: 404,
        body: NOT_FOUND,
      });
    }
  });

  it("another account's invitation is not found from this one, and this account's lists are 404 to outsiders", async () => {
    const { res } = await invite(outsider, other.id, { email: 'theirs@example.test', role: 'viewer' });
    expect(await as.owner.request('DELETE', `${a}/invitations/${res.body.data.id}`)).toMatchObject({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await outsider.get(`${a}/invitations`)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(
      await outsider.request('POST', `${a}/invitations`, { email: 'x@example.test', role: 'viewer' }),
    ).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(
      (await outsider.get(`/admin/api/accounts/${other.id}/invitations`)).body.data.map((i: any) => i.email),
    ).toEqual(['theirs@example.test']);
  });

  describe('roles: nobody invites, renews or revokes above their own', () => {
    it('an editor may not list, invite or revoke', async () => {
      expect(await as.editor.get(`${a}/invitations`)).toMatchObject({ status: 403, body: FORBIDDEN });
      expect(await as.editor.request('POST', `${a}/users`, { email: 'e@example.test', role: 'viewer' })).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
      expect(
        await as.editor.request('POST', `${a}/invitations`, { email: 'e@example.test', role: 'viewer' }),
      ).toMatchObject({ status: 403, body: FORBIDDEN });
      expect(await as.editor.request('DELETE', `${a}/invitations/1`)).toMatchObject({ status: 403, body: FORBIDDEN });
    });

    it('an admin invites up to admin, not an owner', async () => {
      expect((await invite(as.admin, s.demo.id, { email: 'peer@example.test', role: 'admin' })).res.status).toBe(201);
      expect((await invite(as.admin, s.demo.id, { email: 'boss@example.test', role: 'owner' })).res).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
      expect(
        await s.store.db.selectFrom('invitations').select('id').where('email', '=', 'boss@example.test').execute(),
      ).toEqual([]);
    });

    it("an admin can neither renew nor revoke an owner's invitation; an owner can", async () => {
      const { res } = await invite(as.owner, s.demo.id, { email: 'coowner@example.test', role: 'owner' });
      expect(res.status).toBe(201);
      const downgrade = await invite(as.admin, s.demo.id, { email: 'coowner@example.test', role: 'viewer' });
      expect(downgrade.res).toMatchObject({ status: 403, body: FORBIDDEN });
      expect(await as.admin.request('DELETE', `${a}/invitations/${res.body.data.id}`)).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
      expect(
        (await as.admin.get(`${a}/invitations`)).body.data.find((i: any) => i.email === 'coowner@example.test'),
      ).toMatchObject({ role: 'owner' });
      expect((await as.owner.request('DELETE', `${a}/invitations/${res.body.data.id}`)).status).toBe(204);
    });

    it('the accepted membership has exactly the invited role', async () => {
      const { token } = await invite(as.admin, s.demo.id, { email: 'exact@example.test', role: 'admin' });
      const res = await accept(await anonymousClient(s.app), token, { password: 'long enough' });
      expect(res.body.data.memberships).toEqual([expect.objectContaining({ role: 'admin' })]);
    });
  });

  it.for([
    [{ role: 'viewer' }, { fields: { email: ['This field is required.'] } }],
    [{ email: 'not-an-email', role: 'viewer' }, { fields: { email: ['"not-an-email" is not an email address'] } }],
    [{ email: 'r@example.test', role: 'god' }, { fields: { role: ['Choose one of owner, admin, editor, viewer.'] } }],
    [{ email: 'r@example.test' }, { fields: { role: ['Choose one of owner, admin, editor, viewer.'] } }],
    [
      { email: 'r@example.test', role: 'viewer', name: 'n'.repeat(201) },
      { fields: { name: ['A name has at most 200 characters'] } },
    ],
    [
      { email: 'r@example.test', role: 'viewer', password: 'chosen for them' },
      "Unknown key 'password' in request body",
    ],
    [{ email: 42, role: 'viewer' }, "'email' must be a string"],
    [['r@example.test'], 'Request body must be a JSON object'],
  ] as const)('refuses %j with 400', async ([body, detail]) => {
    expect(await as.admin.request('POST', `${a}/users`, body)).toMatchObject({ status: 400, body: { detail } });
  });

  it('lists an expired invitation as expired for 30 days, then sweeps it at the next invitation', async () => {
    const { res } = await invite(as.admin, s.demo.id, { email: 'stale@example.test', role: 'viewer' });
    await s.store.db
      .updateTable('invitations')
      .set({ expires: isoMicro(new Date(clock().getTime() - 31 * DAY)) })
      .where('id', '=', res.body.data.id)
      .execute();
    expect(
      (await as.admin.get(`${a}/invitations`)).body.data.find((i: any) => i.id === res.body.data.id),
    ).toMatchObject({ expired: true });
    await invite(as.admin, s.demo.id, { email: 'sweeper@example.test', role: 'viewer' });
    expect((await as.admin.get(`${a}/invitations`)).body.data.map((i: any) => i.id)).not.toContain(res.body.data.id);
  });

  it(`holds at most ${MAX_INVITATIONS_PER_ACCOUNT} invitations per account; renewing one still works at the cap`, async () => {
    const existing = (await as.admin.get(`${a}/invitations`)).body.data.length;
    const now = clock();
    const rows = Array.from({ length: MAX_INVITATIONS_PER_ACCOUNT - existing }, (_, i) => ({
      account_id: s.demo.id,
      email: `bulk${i}@example.test`,
      role: 'viewer' as const,
      name: '',
      token_hash: `${i}`.padStart(64, '0'),
      invited_by: null,
      created: isoMicro(now),
      expires: isoMicro(new Date(now.getTime() + DAY)),
    }));
    for (let i = 0; i < rows.length; i += 200)
      await s.store.db
        .insertInto('invitations')
        .values(rows.slice(i, i + 200))
        .execute();
    const over = await invite(as.admin, s.demo.id, { email: 'one.more@example.test', role: 'viewer' });
    expect(over.res).toMatchObject({
      status: 400,
      body: {
        detail: {
          fields: {
            email: [`This account already has ${MAX_INVITATIONS_PER_ACCOUNT} pending invitations: revoke some first`],
          },
        },
      },
    });
    expect((await invite(as.admin, s.demo.id, { email: 'bulk7@example.test', role: 'editor' })).res.status).toBe(201);
    // The cap is per account.
    expect((await invite(outsider, other.id, { email: 'one.more@example.test', role: 'viewer' })).res.status).toBe(201);
  });
});
