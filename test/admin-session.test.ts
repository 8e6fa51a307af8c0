import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import {
  addTestMember,
  anonymousClient,
  member,
  PASSWORD,
  setCookies,
  signedInClient,
  type AdminClient,
} from './helpers/admin.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// Sign-in, sessions and CSRF of the admin API (docs/admin-api.md): the texts, the cookie flags,
// the rate limit on failed attempts, and every way a state-changing call is refused.

const NOT_SIGNED_IN = { detail: 'Authentication credentials were not provided', code: 'not_signed_in' };
const BAD_CREDENTIALS = { detail: 'Invalid email or password', code: 'bad_credentials' };
const CSRF_TOKEN = { detail: 'CSRF Failed: CSRF token missing or incorrect.', code: 'csrf_token' };
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

describe.each(DIALECTS)('admin sessions and CSRF (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  let account: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    account = `/admin/api/accounts/${s.demo.id}`;
    await addTestMember(s.store, s.demo.id, { email: 'Editor@Example.test', role: 'editor', name: 'Ed' });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('before sign-in, GET /session answers no user and a CSRF token kept in a cookie', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/admin/api/session' });
    const body = JSON.parse(res.body);
    expect(res.statusCode).toBe(200);
    expect(body).toEqual({ data: { user: null, memberships: [], csrf_token: expect.stringMatching(TOKEN_SHAPE) } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(setCookies(res.headers)).toEqual([
      `ghee_csrf=${body.data.csrf_token}; Path=/admin; Max-Age=86400; HttpOnly; SameSite=Strict`,
    ]);
  });

  it('signs in (email in any case) with an HttpOnly, SameSite=Strict session cookie on /admin', async () => {
    const client = await anonymousClient(s.app);
    const res = await client.signIn('  EDITOR@example.TEST ', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        user: { id: expect.any(Number), email: 'editor@example.test', name: 'Ed' },
        memberships: [{ account: { id: s.demo.id, slug: 'demo', name: 'Demo', plan: 'enterprise' }, role: 'editor' }],
        csrf_token: expect.stringMatching(TOKEN_SHAPE),
      },
    });
    const cookies = setCookies(res.headers);
    expect(cookies).toContainEqual(
      expect.stringMatching(
        /^ghee_session=[A-Za-z0-9_-]{43}; Path=\/admin; Max-Age=2592000; HttpOnly; SameSite=Strict$/,
      ),
    );
    expect(cookies).toContain('ghee_csrf=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict');
    // The database holds the token's hash, never the token.
    const token = client.cookies.get('ghee_session')!;
    const rows = await s.store.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(token);

    const session = await client.get('/admin/api/session');
    expect(session.body.data.user.email).toBe('editor@example.test');
    expect(session.body.data.csrf_token).toBe(client.csrf);
  });

  it('sets Secure on the cookie when PUBLIC_URL is https', async () => {
    s.ctx.config.publicUrl = 'https://ghee.test';
    try {
      const client = await anonymousClient(s.app);
      const res = await client.signIn('editor@example.test', PASSWORD);
      expect(setCookies(res.headers).find((c) => c.startsWith('ghee_session='))).toMatch(
        /; HttpOnly; SameSite=Strict; Secure$/,
      );
    } finally {
      s.ctx.config.publicUrl = PUBLIC_URL;
    }
  });

  it('refuses a wrong password and an unknown email with the same answer; missing fields are field errors', async () => {
    const client = await anonymousClient(s.app);
    const ip = { remoteAddress: '10.1.0.1' };
    expect(await client.signIn('editor@example.test', 'wrong password', ip)).toMatchObject({
      status: 401,
      body: BAD_CREDENTIALS,
    });
    expect(await client.signIn('nobody@example.test', PASSWORD, ip)).toMatchObject({
      status: 401,
      body: BAD_CREDENTIALS,
    });
    const missing = await client.request('POST', '/admin/api/sign-in', { email: '' }, ip);
    expect(missing).toMatchObject({
      status: 400,
      body: { detail: { fields: { email: ['This field is required.'], password: ['This field is required.'] } } },
    });
    const unknownKey = await client.request(
      'POST',
      '/admin/api/sign-in',
      { email: 'a@b.c', password: 'x', remember: true },
      ip,
    );
    expect(unknownKey).toMatchObject({ status: 400, body: { detail: "Unknown key 'remember' in request body" } });
    expect(client.cookies.has('ghee_session')).toBe(false);
  });

  it('rate-limits failed attempts per email: 5 in 15 minutes, then 429 with Retry-After, even with the right password', async () => {
    await addTestMember(s.store, s.demo.id, { email: 'target@example.test', role: 'viewer' });
    const client = await anonymousClient(s.app);
    for (let i = 0; i < 5; i++) {
      expect((await client.signIn('target@example.test', `guess ${i}`, { remoteAddress: `10.2.0.${i}` })).status).toBe(
        401,
      );
    }
    const blocked = await client.signIn('target@example.test', PASSWORD, { remoteAddress: '10.2.1.1' });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      detail: 'Too many failed sign-in attempts. Try again later.',
      code: 'too_many_sign_in_attempts',
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    // Other users are not affected.
    expect((await client.signIn('editor@example.test', PASSWORD, { remoteAddress: '10.2.1.1' })).status).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect(
      (await (await anonymousClient(s.app)).signIn('target@example.test', PASSWORD, { remoteAddress: '10.2.1.1' }))
        .status,
    ).toBe(200);
  });

  it('rate-limits failed attempts per client address: 20 in 15 minutes across any emails', async () => {
    const client = await anonymousClient(s.app);
    const ip = { remoteAddress: '10.3.0.1' };
    for (let i = 0; i < 20; i++)
      expect((await client.signIn(`spray${i}@example.test`, 'password1', ip)).status).toBe(401);
    const blocked = await client.signIn('editor@example.test', PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await client.signIn('editor@example.test', PASSWORD, { remoteAddress: '10.3.0.2' })).status).toBe(200);
  });

  it('answers 401 without a session, with an unknown one, and after sign-out', async () => {
    expect((await s.app.inject({ method: 'GET', url: account })).statusCode).toBe(401);
    const forged = await s.app.inject({
      method: 'GET',
      url: account,
      headers: { cookie: 'ghee_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect({ status: forged.statusCode, body: JSON.parse(forged.body) }).toEqual({ status: 401, body: NOT_SIGNED_IN });

    const client = await signedInClient(s.app, 'editor@example.test', PASSWORD);
    const cookie = client.cookies.get('ghee_session')!;
    expect((await client.get(account)).status).toBe(200);
    const out = await client.request('POST', '/admin/api/sign-out');
    expect(out.status).toBe(204);
    expect(setCookies(out.headers)).toEqual(['ghee_session=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict']);
    // The old cookie, replayed, no longer signs anyone in.
    const replay = await s.app.inject({ method: 'GET', url: account, headers: { cookie: `ghee_session=${cookie}` } });
    expect({ status: replay.statusCode, body: JSON.parse(replay.body) }).toEqual({ status: 401, body: NOT_SIGNED_IN });
    expect((await client.get('/admin/api/session')).body.data.user).toBeNull();
  });

  it('expires a session left unused for 7 days', async () => {
    const client = await signedInClient(s.app, 'editor@example.test', PASSWORD);
    clock.advance(7 * 24 * 3600_000 + 1000);
    expect((await client.get(account)).body).toEqual(NOT_SIGNED_IN);
  });

  describe('CSRF on state-changing calls', () => {
    let owner: AdminClient;
    const tokens = () => `${account}/tokens`;

    beforeAll(async () => {
      owner = await member(s.app, s.store, s.demo.id, 'owner');
    });

    it('needs the session CSRF token in X-CSRF-Token', async () => {
      expect(await owner.request('POST', tokens(), { kind: 'read' }, { csrf: null })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      expect(await owner.request('POST', tokens(), { kind: 'read' }, { csrf: 'x'.repeat(43) })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      expect(await owner.request('POST', tokens(), { kind: 'read' }, { csrf: '' })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      // Another session's token is no good either.
      const other = await signedInClient(s.app, 'editor@example.test', PASSWORD);
      expect(await owner.request('POST', tokens(), { kind: 'read' }, { csrf: other.csrf })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      // Once signed in, a ghee_csrf cookie (say, planted by a sibling domain) stands in for nothing.
      const planted = 'p'.repeat(43);
      owner.cookies.set('ghee_csrf', planted);
      expect(await owner.request('POST', tokens(), { kind: 'read' }, { csrf: planted })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      owner.cookies.delete('ghee_csrf');
      expect((await owner.request('POST', tokens(), { kind: 'read' })).status).toBe(201);
      // Reads need none.
      expect((await owner.get(tokens(), { csrf: null })).status).toBe(200);
    });

    it('refuses a foreign Origin or Referer even with the right token', async () => {
      const foreign = await owner.request(
        'POST',
        tokens(),
        { kind: 'read' },
        { headers: { origin: 'https://evil.example' } },
      );
      expect(foreign).toMatchObject({
        status: 403,
        body: {
          detail: 'CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.',
        },
      });
      expect((await owner.request('DELETE', `${tokens()}/1`, undefined, { headers: { origin: 'null' } })).status).toBe(
        403,
      );
      const referer = await owner.request(
        'POST',
        tokens(),
        { kind: 'read' },
        { headers: { referer: 'https://evil.example/page' } },
      );
      expect(referer.body.detail).toContain('Origin checking failed - https://evil.example');
      // PUBLIC_URL's origin, and the address the browser used, are ours.
      expect(
        (await owner.request('POST', tokens(), { kind: 'read' }, { headers: { origin: PUBLIC_URL } })).status,
      ).toBe(201);
      expect(
        (
          await owner.request(
            'POST',
            tokens(),
            { kind: 'read' },
            { headers: { origin: 'http://localhost:80', referer: 'https://evil.example/' } },
          )
        ).status,
      ).toBe(201);
    });

    it('guards the sign-in form too (its token is the ghee_csrf cookie)', async () => {
      const client = await anonymousClient(s.app);
      expect(await client.signIn('editor@example.test', PASSWORD, { csrf: null })).toMatchObject({
        status: 403,
        body: CSRF_TOKEN,
      });
      client.cookies.delete('ghee_csrf');
      expect(await client.signIn('editor@example.test', PASSWORD)).toMatchObject({ status: 403, body: CSRF_TOKEN });
      const fresh = await anonymousClient(s.app);
      expect(
        (await fresh.signIn('editor@example.test', PASSWORD, { headers: { origin: 'https://evil.example' } })).status,
      ).toBe(403);
      expect((await fresh.signIn('editor@example.test', PASSWORD)).status).toBe(200);
    });

    it('checks the session before CSRF: 401 for a call without either', async () => {
      const res = await s.app.inject({ method: 'POST', url: tokens(), payload: { kind: 'read' } });
      expect({ status: res.statusCode, body: JSON.parse(res.body) }).toEqual({ status: 401, body: NOT_SIGNED_IN });
    });
  });

  it('answers 405 with Allow for a wrong method and the JSON 404 for an unknown path', async () => {
    const client = await signedInClient(s.app, 'editor@example.test', PASSWORD);
    const wrong = await client.request('DELETE', '/admin/api/session');
    expect(wrong).toMatchObject({ status: 405, body: { detail: 'Method "DELETE" not allowed.' } });
    expect(wrong.headers.allow).toBe('GET, HEAD');
    expect(await client.get('/admin/api/nothing-here')).toMatchObject({ status: 404, body: { detail: 'Not found' } });
  });
});
