import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { addTestMember, anonymousClient, PASSWORD, signedInClient } from './helpers/admin.js';
import { fromRequest, noRecord, recorded, userActor } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The audit log (docs/api.md §12.3) of signing in and out: a user's sign-in, failed sign-in and
// sign-out leave one record in each account they belong to, so each account's admins see them; a
// failed sign-in with an unknown email leaves one of no account, naming the email tried; an
// attempt the limiter refuses leaves none.

describe.each(DIALECTS)('audit records of sessions (%s)', (dialect) => {
  let s: TestServer;
  let second: CreatedAccount;
  let n = 0;

  beforeAll(async () => {
    s = await demoServer(dialect);
    second = await createAccount(s.store.db, { name: 'Second', plan: 'trial' });
  });

  afterAll(async () => {
    await s?.close();
  });

  /** A user who is a member of the demo account and of the second one. */
  async function twoAccountUser(): Promise<{ email: string; id: number }> {
    const email = `member${++n}@example.test`;
    const user = await addTestMember(s.store, s.demo.id, { email, role: 'editor' });
    await addTestMember(s.store, second.id, { email, role: 'viewer' });
    return { email, id: user.id };
  }

  /** Each remote address its own: the limiter counts failures per address. */
  const from = () => ({ remoteAddress: `10.0.0.${n}` });

  it('a sign-in: sign_in in each account of the user, from the sign-in request', async () => {
    const { email, id } = await twoAccountUser();
    const client = await anonymousClient(s.app);
    const { result, records } = await recorded(s.store, () => client.signIn(email.toUpperCase(), PASSWORD));
    expect(result.status).toBe(200);
    const expected = {
      actor: userActor(email),
      action: 'sign_in',
      kind: 'session',
      target: { id: String(id), slug: email },
      ...fromRequest(result),
      detail: null,
    };
    expect(records).toEqual([
      expect.objectContaining({ ...expected, account_id: s.demo.id }),
      expect.objectContaining({ ...expected, account_id: second.id }),
    ]);
  });

  it('a wrong password: sign_in_failed in each account of the user, naming the email tried', async () => {
    const { email, id } = await twoAccountUser();
    const client = await anonymousClient(s.app);
    const { result, records } = await recorded(s.store, () => client.signIn(` ${email} `, 'wrong password', from()));
    expect(result.status).toBe(401);
    const expected = {
      actor: userActor(email),
      action: 'sign_in_failed',
      kind: 'session',
      target: { id: String(id), slug: email },
      request_id: result.headers['x-request-id'],
      client: `10.0.0.${n}`,
    };
    expect(records).toEqual([
      expect.objectContaining({ ...expected, account_id: s.demo.id }),
      expect.objectContaining({ ...expected, account_id: second.id }),
    ]);
  });

  it('an unknown email: one sign_in_failed of no account, with the email lowercased', async () => {
    n++;
    const client = await anonymousClient(s.app);
    const tried = `Nobody${n}@Example.TEST`;
    const { result, records } = await recorded(s.store, () => client.signIn(tried, 'whatever', from()));
    expect(result.status).toBe(401);
    expect(records).toEqual([
      expect.objectContaining({
        account_id: null,
        actor: userActor(tried.toLowerCase()),
        action: 'sign_in_failed',
        target: { id: null, slug: tried.toLowerCase() },
        request_id: result.headers['x-request-id'],
      }),
    ]);
  });

  it('a user of no account: their sign-in is a record of no account', async () => {
    const email = `loner${++n}@example.test`;
    const { id } = await addTestMember(s.store, second.id, { email, role: 'viewer' });
    await s.store.db.deleteFrom('memberships').where('user_id', '=', id).execute();
    const client = await anonymousClient(s.app);
    const { records } = await recorded(s.store, () => client.signIn(email, PASSWORD));
    expect(records).toEqual([expect.objectContaining({ account_id: null, action: 'sign_in' })]);
  });

  it('attempts the limiter refuses (429) record nothing; the five before them each recorded', async () => {
    const email = `guessed${++n}@example.test`;
    await addTestMember(s.store, s.demo.id, { email, role: 'viewer' });
    const client = await anonymousClient(s.app);
    const { records } = await recorded(s.store, async () => {
      for (let i = 0; i < 5; i++) expect((await client.signIn(email, `guess ${i}`, from())).status).toBe(401);
    });
    expect(records.map((r) => r.action)).toEqual(Array(5).fill('sign_in_failed'));
    const refused = await noRecord(s.store, () => client.signIn(email, PASSWORD, from()));
    expect(refused.status).toBe(429);
  });

  it('a sign-in without a password (400) records nothing', async () => {
    const client = await anonymousClient(s.app);
    expect((await noRecord(s.store, () => client.signIn(`member1@example.test`, ''))).status).toBe(400);
  });

  it('a sign-out: sign_out in each account of the user; signing out again records nothing', async () => {
    const { email, id } = await twoAccountUser();
    const client = await signedInClient(s.app, email, PASSWORD);
    const cookies = new Map(client.cookies);
    const csrf = client.csrf;
    const { result, records } = await recorded(s.store, () => client.request('POST', '/admin/api/sign-out'));
    expect(result.status).toBe(204);
    expect(records).toEqual([
      expect.objectContaining({
        account_id: s.demo.id,
        actor: userActor(email),
        action: 'sign_out',
        kind: 'session',
        target: { id: String(id), slug: email },
        ...fromRequest(result),
      }),
      expect.objectContaining({ account_id: second.id, action: 'sign_out' }),
    ]);
    // The old cookie again: the session is gone, so the call is refused (401) and records nothing.
    for (const [k, v] of cookies) client.cookies.set(k, v);
    client.csrf = csrf;
    expect((await noRecord(s.store, () => client.request('POST', '/admin/api/sign-out'))).status).toBe(401);
  });
});
