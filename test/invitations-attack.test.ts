import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { addTestMember, anonymousClient, member, PASSWORD, signedInClient, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, invite, LINK } from './helpers/invitations.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The cross-tenant takeover that invitations close: an admin of one account could create a global
// user for any email with a password of their choosing, and when another account later added that
// email, sign in to it. Admins now only invite; the invitee accepts through a one-time link, and
// the answer to an invitation says nothing about whether the email has a user on the install.

const NOT_FOUND = { detail: 'Not found' };

describe.each(DIALECTS)('invitations close the cross-tenant takeover (%s)', (dialect) => {
  let s: TestServer;
  let attackerAccount: CreatedAccount;
  let attacker: AdminClient;
  let victimOwner: AdminClient;
  let b: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    b = `/admin/api/accounts/${s.demo.id}`;
    victimOwner = await member(s.app, s.store, s.demo.id, 'owner');
    attackerAccount = await createAccount(s.store.db, { name: 'Attacker', plan: 'trial' });
    attacker = await member(s.app, s.store, attackerAccount.id, 'admin', 'mallory@attacker.test');
  });

  afterAll(async () => {
    await s?.close();
  });

  const userOf = (email: string) =>
    s.store.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  it.for(['an unknown email', "another account's owner"])(
    'refuses a password in an invitation of %s: an admin never chooses one',
    async (who) => {
      const target = who === 'an unknown email' ? 'victim0@corp.test' : `owner@${s.demo.id}.test`;
      const before = await userOf(target);
      const res = await attacker.request('POST', `/admin/api/accounts/${attackerAccount.id}/users`, {
        email: target,
        role: 'viewer',
        password: 'chosen by mallory',
      });
      expect(res).toMatchObject({ status: 400, body: { detail: "Unknown key 'password' in request body" } });
      expect(await userOf(target)).toEqual(before);
      expect(await s.store.db.selectFrom('invitations').select('id').where('email', '=', target).execute()).toEqual([]);
    },
  );

  it('an invitation creates no user: nobody exists for the email until the invitee accepts', async () => {
    const { res } = await invite(attacker, attackerAccount.id, { email: 'victim1@corp.test', role: 'admin' });
    expect(res.status).toBe(201);
    expect(res.body.data).not.toHaveProperty('password');
    expect(await userOf('victim1@corp.test')).toBeUndefined();
    expect(
      await attacker.request('POST', '/admin/api/sign-in', { email: 'victim1@corp.test', password: PASSWORD }),
    ).toMatchObject({ status: 401 });
  });

  it("the attack: whatever A's admin does with the victim's email, B's later invitation gets them nowhere near B", async () => {
    const victim = 'victim2@corp.test';
    // The most A's admin can do: open their own link in a browser that is signed out, and choose a password.
    const { token } = await invite(attacker, attackerAccount.id, { email: victim, role: 'admin' });
    const squat = await accept(await anonymousClient(s.app), token, { password: 'chosen by mallory' });
    expect(squat.body.data.memberships.map((m: any) => m.account.id)).toEqual([attackerAccount.id]);

    // B invites the victim: B's owner is told the same as for any email, and the victim is not a member.
    const invited = await invite(victimOwner, s.demo.id, { email: victim, role: 'editor' });
    expect(invited.res.status).toBe(201);
    expect(invited.res.body.data).toMatchObject({
      email: victim,
      role: 'editor',
      mail: 'not_configured',
      expired: false,
    });
    expect((await victimOwner.get(`${b}/users`)).body.data.map((m: any) => m.email)).not.toContain(victim);

    // Signed in with the password they chose, the attacker sees A only; B does not exist for them.
    const asVictim = await signedInClient(s.app, victim, 'chosen by mallory');
    expect((await asVictim.get('/admin/api/session')).body.data.memberships.map((m: any) => m.account.id)).toEqual([
      attackerAccount.id,
    ]);
    expect(await asVictim.get(b)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await asVictim.get(`${b}/pages`)).toMatchObject({ status: 404, body: NOT_FOUND });
    // A's used link is spent; B's link went to B's owner (and the victim's mailbox) only.
    expect((await accept(asVictim, token)).status).toBe(404);
    expect((await victimOwner.get(`${b}/invitations`)).body.data.map((i: any) => i.email)).toContain(victim);
  });

  it("an existing user of another account is invited, not added: B's owner does not get into A", async () => {
    const email = `owner@${s.demo.id}.test`;
    const { res } = await invite(attacker, attackerAccount.id, { email, role: 'viewer' });
    expect(res.status).toBe(201);
    expect((await victimOwner.get('/admin/api/session')).body.data.memberships.map((m: any) => m.account.id)).toEqual([
      s.demo.id,
    ]);
    expect(
      (await attacker.get(`/admin/api/accounts/${attackerAccount.id}/users`)).body.data.map((m: any) => m.email),
    ).not.toContain(email);
  });

  it('answers the same for an email with a user elsewhere on the install and for an unknown one', async () => {
    await addTestMember(s.store, s.demo.id, { email: 'known@corp.test', role: 'viewer' });
    const known = await invite(attacker, attackerAccount.id, { email: 'known@corp.test', role: 'editor', name: 'N' });
    const unknown = await invite(attacker, attackerAccount.id, {
      email: 'unknown@corp.test',
      role: 'editor',
      name: 'N',
    });
    const shape = (r: typeof known.res) => ({
      status: r.status,
      headers: Object.keys(r.headers)
        .filter((h) => !['date', 'x-request-id', 'content-length'].includes(h))
        .sort(),
      length: Number(r.headers['content-length']) - r.body.data.email.length - String(r.body.data.id).length,
      data: {
        ...r.body.data,
        id: 0,
        email: '',
        created: '',
        expires: '',
        link: r.body.data.link.replace(LINK, 'link'),
      },
    });
    expect(shape(known.res)).toEqual(shape(unknown.res));
    expect(shape(known.res)).toMatchObject({
      status: 201,
      data: { role: 'editor', name: 'N', expired: false, mail: 'not_configured', link: 'link' },
    });
  });

  it('takes about as long for an email with a user as for an unknown one (no password hashing on either)', async () => {
    await addTestMember(s.store, s.demo.id, { email: 'timed@corp.test', role: 'viewer' });
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 12; i++) {
      for (const kind of ['known', 'unknown'] as const) {
        const email = kind === 'known' ? 'timed@corp.test' : `nobody${i}@corp.test`;
        const started = performance.now();
        const { res } = await invite(attacker, attackerAccount.id, { email, role: 'viewer' });
        times[kind].push(performance.now() - started);
        expect(res.status).toBe(201);
      }
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // Both medians are a few milliseconds; hashing a password (Argon2id, 19 MiB) takes 25 to 100
    // here, so a branch with it would show.
    expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(15);
  });

  it('tells an admin that an email is already a member of their own account (they see the members anyway)', async () => {
    const res = await invite(victimOwner, s.demo.id, { email: `OWNER@${s.demo.id}.test`, role: 'viewer' });
    expect(res.res).toMatchObject({
      status: 400,
      body: { detail: { fields: { email: ['This user is already a member of this account (owner)'] } } },
    });
  });
});

// The only way a password is set through HTTP is accepting an invitation (the invitee's own):
// no module of the admin API reaches the functions that set or hash one.
describe('the admin API has no path that sets a password for someone', () => {
  const root = fileURLToPath(new URL('../src/admin', import.meta.url));
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it.for(files)(
    'src/admin/%s calls none of createUser, insertUser, setPassword, hashPassword, addMember or the CLI operator',
    (file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      expect(text).not.toMatch(
        /\b(createUser|insertUser|setPassword|hashPassword|addMember|createUserAsOperator)\b|user-create\.js|add-member\.js/,
      );
    },
  );
});
