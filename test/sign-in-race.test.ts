import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addTestMember, anonymousClient, PASSWORD, type AdminClient, type AdminReply } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The sign-in limiter under attempts sent all at once (docs/admin-api.md): each attempt is counted
// before its password is checked, so a burst gets no more password checks than the limit, per email
// (5) and per client address (20), and the right password is refused once the limit is reached.

const LIMITED = { detail: 'Too many failed sign-in attempts. Try again later.', code: 'too_many_sign_in_attempts' };
const BAD_CREDENTIALS = { detail: 'Invalid email or password', code: 'bad_credentials' };

/** Answers of a burst, by status; every answer that is not a 429 had its password checked. */
function tally(replies: AdminReply[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe.each(DIALECTS)('sign-in limiter under concurrent attempts (%s)', (dialect) => {
  let s: TestServer;
  let client: AdminClient;
  let n = 0;

  beforeAll(async () => {
    s = await demoServer(dialect);
    client = await anonymousClient(s.app);
  });
  afterAll(async () => {
    await s?.close();
  });

  let email: string;
  beforeEach(async () => {
    email = `target${++n}@example.test`;
    await addTestMember(s.store, s.demo.id, { email, role: 'viewer' });
  });

  /** One attempt per password, all sent at once, each from its own address unless `ip` is given. */
  const burst = (attempts: { email: string; password: string }[], ip?: string) =>
    Promise.all(
      attempts.map((a, i) =>
        client.signIn(a.email, a.password, { remoteAddress: ip ?? `10.${n}.${i >> 8}.${i & 255}` }),
      ),
    );

  it('checks 5 of 60 wrong passwords sent at once for one email; the other 55 are 429', async () => {
    const replies = await burst(Array.from({ length: 60 }, (_, i) => ({ email, password: `guess ${i}` })));
    expect(tally(replies)).toEqual({ 401: 5, 429: 55 });
    expect(replies.find((r) => r.status === 401)!.body).toEqual(BAD_CREDENTIALS);
    expect(replies.find((r) => r.status === 429)!.body).toEqual(LIMITED);
  });

  it('refuses the right password sent after the burst with 429 and Retry-After', async () => {
    await burst(Array.from({ length: 60 }, (_, i) => ({ email, password: `guess ${i}` })));
    const after = await client.signIn(email, PASSWORD, { remoteAddress: '10.200.0.1' });
    expect(after.status).toBe(429);
    expect(after.body).toEqual(LIMITED);
    expect(Number(after.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(after.headers['retry-after'])).toBeLessThanOrEqual(900);
  });

  it('refuses the right password sent last among 51 wrong ones: 5 checks, no session', async () => {
    const attempts = [
      ...Array.from({ length: 51 }, (_, i) => ({ email, password: `guess ${i}` })),
      { email, password: PASSWORD },
    ];
    const replies = await burst(attempts);
    expect(tally(replies)).toEqual({ 401: 5, 429: 47 });
    expect(replies.at(-1)!.status).toBe(429);
  });

  it('refuses the right password sent in the middle of 59 wrong ones: 5 checks, no session', async () => {
    const wrong = Array.from({ length: 59 }, (_, i) => ({ email, password: `guess ${i}` }));
    const replies = await burst([...wrong.slice(0, 30), { email, password: PASSWORD }, ...wrong.slice(30)]);
    expect(tally(replies)).toEqual({ 401: 5, 429: 55 });
    expect(replies[30]!.status).toBe(429);
  });

  it('checks 20 of 60 attempts sent at once from one address across 60 emails', async () => {
    const ip = `10.201.${n}.1`;
    const replies = await burst(
      Array.from({ length: 60 }, (_, i) => ({ email: `spray${n}-${i}@example.test`, password: 'password1' })),
      ip,
    );
    expect(tally(replies)).toEqual({ 401: 20, 429: 40 });
    const right = await client.signIn(email, PASSWORD, { remoteAddress: ip });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('clears the email count after a right password once nothing else is in flight', async () => {
    for (let i = 0; i < 4; i++)
      expect((await client.signIn(email, `guess ${i}`, { remoteAddress: '10.202.0.1' })).status).toBe(401);
    expect((await client.signIn(email, PASSWORD, { remoteAddress: '10.202.0.2' })).status).toBe(200);
    const again = await burst(Array.from({ length: 10 }, (_, i) => ({ email, password: `again ${i}` })));
    expect(tally(again)).toEqual({ 401: 5, 429: 5 });
  });
});
