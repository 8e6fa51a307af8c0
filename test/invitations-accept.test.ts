import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, TIMESTAMP } from './helpers/blog.js';
import { anonymousClient, member, PASSWORD, setCookies, signedInClient, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, GONE, invite } from './helpers/invitations.js';
import { demoServer, type TestServer } from './helpers/server.js';

// A new person accepts an invitation: they choose their own password and name, become a member
// with the invited role and are signed in. A link works once, for 7 days, until revoked or replaced.

const DAY = 24 * 3600_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

describe.each(DIALECTS)('accepting an invitation as a new user (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let account: string;
  const clock = movableClock();
  let n = 0;
  const fresh = () => `new${++n}@example.test`;

  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    account = `/admin/api/accounts/${s.demo.id}`;
    admin = await member(s.app, s.store, s.demo.id, 'admin');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows the link holder the account, role, email, inviter and that a password must be set', async () => {
    const { token } = await invite(admin, s.demo.id, { email: 'Reader@Example.test', role: 'viewer', name: 'Rea Der' });
    const res = await (await anonymousClient(s.app)).get(`/admin/api/invitations/${token}`);
    expect(res).toMatchObject({ status: 200, headers: { 'cache-control': 'no-store' } });
    expect(res.body).toEqual({
      data: {
        email: 'reader@example.test',
        name: 'Rea Der',
        role: 'viewer',
        expires: expect.stringMatching(TIMESTAMP),
        account: { id: s.demo.id, name: 'Demo' },
        invited_by: { email: `admin@${s.demo.id}.test`, name: '' },
        password_required: true,
      },
    });
  });

  it('makes a user with their own password and name, the membership, and signs them in', async () => {
    const email = fresh();
    const { token } = await invite(admin, s.demo.id, { email, role: 'editor', name: 'Given by the admin' });
    const browser = await anonymousClient(s.app);
    const res = await accept(browser, token, { password: 'my own passphrase', name: 'Chosen Name' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        user: { id: expect.any(Number), email, name: 'Chosen Name' },
        memberships: [{ account: { id: s.demo.id, slug: 'demo', name: 'Demo', plan: 'enterprise' }, role: 'editor' }],
        csrf_token: expect.stringMatching(TOKEN_SHAPE),
        account_id: s.demo.id,
      },
    });
    const cookies = setCookies(res.headers);
    expect(cookies).toContainEqual(
      expect.stringMatching(
        /^ghee_session=[A-Za-z0-9_-]{43}; Path=\/admin; Max-Age=2592000; HttpOnly; SameSite=Strict$/,
      ),
    );
    expect(cookies).toContain('ghee_csrf=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict');
    browser.csrf = res.body.data.csrf_token;
    expect((await browser.get(account)).body.data).toMatchObject({ id: s.demo.id, role: 'editor' });
    // The session's CSRF token works for the next change; the password signs in elsewhere.
    expect((await browser.request('PUT', `${account}/pages/*/homepage`, { status: 'draft', fields: {} })).status).toBe(
      200,
    );
    expect((await signedInClient(s.app, email, 'my own passphrase')).cookies.has('ghee_session')).toBe(true);
    const row = await s.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("takes the inviter's name for the user when the invitee gives none", async () => {
    const email = fresh();
    const { token } = await invite(admin, s.demo.id, { email, role: 'viewer', name: 'Ann Invited' });
    const res = await accept(await anonymousClient(s.app), token, { password: 'another passphrase' });
    expect(res.body.data.user).toMatchObject({ email, name: 'Ann Invited' });
  });

  it.for([
    [{}, { password: ['This field is required.'] }],
    [{ password: 'short' }, { password: ['A password needs at least 8 characters'] }],
    [{ password: 'x'.repeat(1025) }, { password: ['A password has at most 1024 characters'] }],
    [{ password: 'long enough', name: 'n'.repeat(201) }, { name: ['A name has at most 200 characters'] }],
  ] as const)('refuses %j as field errors and keeps the invitation usable', async ([body, fields]) => {
    const email = fresh();
    const { token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
    const browser = await anonymousClient(s.app);
    expect(await accept(browser, token, body)).toMatchObject({ status: 400, body: { detail: { fields } } });
    expect(browser.cookies.has('ghee_session')).toBe(false);
    expect(
      await s.store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
    expect((await accept(browser, token, { password: 'now a good one' })).status).toBe(200);
  });

  it('refuses unknown keys in the body', async () => {
    const { token } = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    const res = await accept(await anonymousClient(s.app), token, { password: 'long enough', role: 'owner' });
    expect(res).toMatchObject({ status: 400, body: { detail: "Unknown key 'role' in request body" } });
  });

  it('works once: the second use, and reading the used link, get the not-valid answer', async () => {
    const { token } = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    expect((await accept(await anonymousClient(s.app), token, { password: 'first use wins' })).status).toBe(200);
    const again = await anonymousClient(s.app);
    expect(await accept(again, token, { password: 'second use loses' })).toMatchObject({ status: 404, body: GONE });
    expect(await again.get(`/admin/api/invitations/${token}`)).toMatchObject({ status: 404, body: GONE });
    expect(again.cookies.has('ghee_session')).toBe(false);
  });

  it.for([
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed token', 'not-a-token'],
    ['a very long token', 'A'.repeat(5000)],
  ] as const)('answers %s with the same not-valid answer', async ([, token]) => {
    const browser = await anonymousClient(s.app);
    expect(await browser.get(`/admin/api/invitations/${token}`)).toMatchObject({ status: 404, body: GONE });
    expect(await accept(browser, token, { password: 'long enough' })).toMatchObject({ status: 404, body: GONE });
  });

  it('expires after 7 days: the day before it works, from then on it is not valid', async () => {
    const early = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    const late = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    expect(Date.parse(late.res.body.data.expires) - Date.parse(late.res.body.data.created)).toBe(7 * DAY);
    clock.advance(7 * DAY - 60_000);
    expect((await accept(await anonymousClient(s.app), early.token, { password: 'just in time' })).status).toBe(200);
    clock.advance(2 * 60_000);
    const browser = await anonymousClient(s.app);
    expect(await browser.get(`/admin/api/invitations/${late.token}`)).toMatchObject({ status: 404, body: GONE });
    expect(await accept(browser, late.token, { password: 'too late now' })).toMatchObject({ status: 404, body: GONE });
    // The admin (signed in again: a week unused ended the session too) still sees it, marked.
    admin = await signedInClient(s.app, `admin@${s.demo.id}.test`, PASSWORD);
    const listed = (await admin.get(`${account}/invitations`)).body.data.find(
      (i: any) => i.email === late.res.body.data.email,
    );
    expect(listed).toMatchObject({ expired: true });
  });

  it('stops working once revoked', async () => {
    const { res, token } = await invite(admin, s.demo.id, { email: fresh(), role: 'viewer' });
    expect((await admin.request('DELETE', `${account}/invitations/${res.body.data.id}`)).status).toBe(204);
    const browser = await anonymousClient(s.app);
    expect(await browser.get(`/admin/api/invitations/${token}`)).toMatchObject({ status: 404, body: GONE });
    expect(await accept(browser, token, { password: 'revoked already' })).toMatchObject({ status: 404, body: GONE });
  });

  it('stops working once replaced by a new invitation of the same email; the new link works', async () => {
    const email = fresh();
    const first = await invite(admin, s.demo.id, { email, role: 'viewer' });
    const second = await invite(admin, s.demo.id, { email, role: 'editor' });
    expect(second.token).not.toBe(first.token);
    const browser = await anonymousClient(s.app);
    expect(await accept(browser, first.token, { password: 'the old link' })).toMatchObject({ status: 404, body: GONE });
    const res = await accept(browser, second.token, { password: 'the new link' });
    expect(res.body.data.memberships[0].role).toBe('editor');
  });
});
