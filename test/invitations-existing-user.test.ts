import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { addTestMember, anonymousClient, member, PASSWORD, signedInClient, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, GONE, invite } from './helpers/invitations.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// Someone who already has a user joins another account only by accepting, signed in as that very
// user, and keeps their password. The wrong browser, a forged request or a second accept of the
// same link at the same moment changes nothing.

const SIGN_IN_FIRST = {
  detail: 'This email already has a Ghee user: sign in as it first, then accept the invitation.',
};
const OTHER_USER = { detail: 'This invitation is for another email address: sign out, then open the link again.' };
const CSRF_TOKEN = { detail: 'CSRF Failed: CSRF token missing or incorrect.' };
const NOT_FOUND = { detail: 'Not found' };

describe.each(DIALECTS)('accepting an invitation as an existing user (%s)', (dialect) => {
  let s: TestServer;
  let other: CreatedAccount;
  let admin: AdminClient;
  let account: string;
  let n = 0;

  beforeAll(async () => {
    s = await demoServer(dialect);
    account = `/admin/api/accounts/${s.demo.id}`;
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    other = await createAccount(s.store.db, { name: 'Other', plan: 'trial' });
  });

  afterAll(async () => {
    await s?.close();
  });

  /** A user of the other account only, signed in. */
  async function outsider(): Promise<{ email: string; client: AdminClient; hash: string }> {
    const email = `outsider${++n}@example.test`;
    await addTestMember(s.store, other.id, { email, role: 'owner' });
    const row = await s.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return { email, client: await signedInClient(s.app, email, PASSWORD), hash: row.password_hash };
  }

  it('is not a member until they accept, signed in as themselves; then they are, with the invited role', async () => {
    const { email, client, hash } = await outsider();
    const { token } = await invite(admin, s.demo.id, { email, role: 'editor' });
    expect(await client.get(account)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect((await admin.get(`${account}/users`)).body.data.map((m: any) => m.email)).not.toContain(email);
    expect((await client.get(`/admin/api/invitations/${token}`)).body.data).toMatchObject({
      email,
      role: 'editor',
      password_required: false,
    });

    const res = await accept(client, token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ user: { email }, account_id: s.demo.id, csrf_token: client.csrf });
    expect(res.body.data.memberships.map((m: any) => [m.account.id, m.role])).toEqual([
      [s.demo.id, 'editor'],
      [other.id, 'owner'],
    ]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await client.get(account)).body.data.role).toBe('editor');
    // Their password is untouched: the same hash, the same sign-in.
    const row = await s.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBe(hash);
    expect((await signedInClient(s.app, email, PASSWORD)).cookies.has('ghee_session')).toBe(true);
  });

  it('without a session: 401 "sign in first", and the invitation waits', async () => {
    const { email, client } = await outsider();
    const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
    const anonymous = await anonymousClient(s.app);
    expect(await accept(anonymous, token)).toMatchObject({ status: 401, body: SIGN_IN_FIRST });
    // Choosing a password for an existing user does not get around it.
    expect(await accept(anonymous, token, { password: 'attacker chosen' })).toMatchObject({
      status: 401,
      body: SIGN_IN_FIRST,
    });
    expect(anonymous.cookies.has('ghee_session')).toBe(false);
    expect((await accept(client, token)).status).toBe(200);
  });

  it.for([
    [
      'password',
      { password: 'a new password' },
      'You already have a password: accepting an invitation does not change it',
    ],
    ['name', { name: 'New Name' }, 'You already have a name: accepting an invitation does not change it'],
  ] as const)('refuses a %s from a signed-in existing user, changing nothing', async ([field, body, message]) => {
    const { email, client, hash } = await outsider();
    const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
    expect(await accept(client, token, body)).toMatchObject({
      status: 400,
      body: { detail: { fields: { [field]: [message] } } },
    });
    const row = await s.store.db
      .selectFrom('users')
      .select(['password_hash', 'name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ password_hash: hash, name: '' });
    expect(await client.get(account)).toMatchObject({ status: 404 });
  });

  it('refuses a browser signed in as someone else (403), for an existing and for a new email alike', async () => {
    const invitee = await outsider();
    const bystander = await outsider();
    const existing = await invite(admin, s.demo.id, { email: invitee.email, role: 'viewer' });
    expect(await accept(bystander.client, existing.token)).toMatchObject({ status: 403, body: OTHER_USER });
    const brandNew = await invite(admin, s.demo.id, { email: 'brand.new@example.test', role: 'viewer' });
    expect(await accept(bystander.client, brandNew.token, { password: 'long enough' })).toMatchObject({
      status: 403,
      body: OTHER_USER,
    });
    // The inviter opening their own link is refused the same way.
    expect(await accept(admin, brandNew.token, { password: 'long enough' })).toMatchObject({
      status: 403,
      body: OTHER_USER,
    });
    expect(await bystander.client.get(account)).toMatchObject({ status: 404 });
    expect(
      await s.store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'brand.new@example.test')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await accept(invitee.client, existing.token)).status).toBe(200);
  });

  describe('CSRF', () => {
    it('needs the browser token before sign-in (the ghee_csrf cookie and X-CSRF-Token)', async () => {
      const { token } = await invite(admin, s.demo.id, { email: 'csrf.new@example.test', role: 'viewer' });
      const browser = await anonymousClient(s.app);
      expect(await accept(browser, token, { password: 'long enough' }, { csrf: null })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      expect(await accept(browser, token, { password: 'long enough' }, { csrf: 'x'.repeat(43) })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      const cookieless = await anonymousClient(s.app);
      cookieless.cookies.delete('ghee_csrf');
      expect(await accept(cookieless, token, { password: 'long enough' })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      const foreign = await accept(
        browser,
        token,
        { password: 'long enough' },
        { headers: { origin: 'https://evil.example' } },
      );
      expect(foreign).toMatchObject({
        status: 403,
        body: {
          detail: 'CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.',
        },
      });
      expect(
        await s.store.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'csrf.new@example.test')
          .executeTakeFirst(),
      ).toBeUndefined();
      expect(
        (await accept(browser, token, { password: 'long enough' }, { headers: { origin: PUBLIC_URL } })).status,
      ).toBe(200);
    });

    it("needs the session's own token once signed in: a planted ghee_csrf cookie stands in for nothing", async () => {
      const { email, client } = await outsider();
      const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
      const planted = 'p'.repeat(43);
      client.cookies.set('ghee_csrf', planted);
      expect(await accept(client, token, undefined, { csrf: planted })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      client.cookies.delete('ghee_csrf');
      expect(await client.get(account)).toMatchObject({ status: 404 });
      expect((await accept(client, token)).status).toBe(200);
    });
  });

  describe('two accepts of one link at the same moment: one wins', () => {
    it('for a new email: one user, one membership, one session', async () => {
      const email = 'race.new@example.test';
      const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
      const browsers = await Promise.all([1, 2, 3, 4].map(() => anonymousClient(s.app)));
      const answers = await Promise.all(browsers.map((b, i) => accept(b, token, { password: `racing password ${i}` })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404]);
      for (const lost of answers.filter((a) => a.status === 404)) expect(lost.body).toEqual(GONE);
      const users = await s.store.db.selectFrom('users').select('id').where('email', '=', email).execute();
      expect(users).toHaveLength(1);
      const memberships = await s.store.db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', users[0]!.id)
        .execute();
      expect(memberships).toEqual([{ role: 'viewer' }]);
      expect(
        await s.store.db.selectFrom('sessions').select('id').where('user_id', '=', users[0]!.id).execute(),
      ).toHaveLength(1);
    });

    it('for an existing user: one membership', async () => {
      const { email, client } = await outsider();
      const { token } = await invite(admin, s.demo.id, { email, role: 'editor' });
      const answers = await Promise.all([accept(client, token), accept(client, token), accept(client, token)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404]);
      const rows = await s.store.db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('m.role')
        .where('u.email', '=', email)
        .where('m.account_id', '=', s.demo.id)
        .execute();
      expect(rows).toEqual([{ role: 'editor' }]);
    });
  });
});
