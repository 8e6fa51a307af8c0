import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { revokeToken } from '../src/accounts/tokens.js';
import { cliActor } from '../src/audit/actor.js';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { redactUrl } from '../src/http/redact-url.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// What a preview token may not do (docs/api.md §13.4): write (the read token's 401), outlive its
// expiry, its account, or a rotation or revocation of any of the account's tokens, survive
// tampering, or read another account. Every refusal but the write is 401 `Invalid token`.

const NO_CREDENTIALS = { detail: 'Authentication credentials were not provided' };
const INVALID_TOKEN = { detail: 'Invalid token' };
const DRAFT = '/v2/pages/landing_page/coming-soon/';

describe.each(DIALECTS)('preview token refusals (%s)', (dialect) => {
  let s: TestServer;
  let now = new Date();
  let admin: AdminClient;
  let other: CreatedAccount;

  beforeAll(async () => {
    s = await demoServer(dialect, { clock: () => now });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    await applySchema(s.store.db, other.id, {
      page_types: { note: { name: 'Note', fields: { text: { type: 'short_text' } } } },
    });
    const draft = { page_type: 'note', slug: 'other-draft', title: 'Other draft', fields: { text: 'x' } };
    expect((await s.send('POST', '/v2/pages/', draft, other.write_token)).status).toBe(202);
  });

  afterAll(async () => {
    await s?.close();
  });

  const mint = async (token = s.demo.write_token, body?: unknown): Promise<string> => {
    const res = await s.send('POST', '/v2/preview-tokens/', body, token);
    expect(res.status).toBe(201);
    return res.body.token;
  };

  /** A GET with the token, expecting a 401 with the given detail and the Token challenge. */
  async function refused(url: string, token: string, detail = INVALID_TOKEN) {
    const res = await s.get(url, token);
    expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: detail });
    expect(res.headers['www-authenticate']).toBe('Token');
  }

  it.for([
    ['POST', '/v2/pages/', { page_type: 'landing_page', slug: 'x', title: 'X' }],
    ['PATCH', '/v2/pages/landing_page/about-us/', { fields: { headline: 'Hacked' } }],
    ['PUT', '/v2/pages/landing_page/about-us/', { fields: { headline: 'Hacked' } }],
    ['DELETE', '/v2/pages/landing_page/about-us/', undefined],
    ['POST', '/v2/content/brands/', { fields: [{ name: 'Hacked' }] }],
    ['POST', '/v2/posts/', { title: 'Hacked', slug: 'hacked', body: '<p>x</p>' }],
    ['DELETE', '/v2/posts/hello-world/', undefined],
    ['POST', '/v2/preview-tokens/', {}],
  ] as const)('refuses %s %s with the read token’s 401', async ([method, url, body]) => {
    const preview = await mint();
    for (const token of [s.demo.read_token, preview]) {
      const res = await s.send(method, url, body, token);
      expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: NO_CREDENTIALS });
      expect(res.headers['www-authenticate']).toBe('Token');
    }
  });

  it.for(['/v2/audit/', '/v2/trash/'])('refuses the write token’s reads (%s) as a read token’s', async (url) => {
    await refused(url, s.demo.read_token, NO_CREDENTIALS);
    await refused(url, await mint(), NO_CREDENTIALS);
  });

  it('works until its expiry, then is 401 Invalid token, on reads and writes alike', async () => {
    const start = now;
    const preview = await mint(s.demo.write_token, { expires_in: 60 });
    now = new Date(+start + 59_999);
    expect((await s.get(DRAFT, preview)).status).toBe(200);
    now = new Date(+start + 60_000);
    await refused(DRAFT, preview);
    const write = await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'Late' }] }, preview);
    expect({ status: write.status, body: write.body }).toEqual({ status: 401, body: INVALID_TOKEN });
    now = start;
  });

  it('reads its own account only', async () => {
    const theirs = await mint(other.write_token);
    expect((await s.get('/v2/pages/note/other-draft/', theirs)).body.data.slug).toBe('other-draft');
    expect((await s.get(DRAFT, theirs)).body).toEqual({ detail: 'Page matching query does not exist' });
    expect((await s.get('/v2/pages/note/other-draft/', await mint())).status).toBe(404);
    const pages = (await s.get('/v2/pages/note/', theirs)).body.data.map((p: { slug: string }) => p.slug);
    expect(pages).toEqual(['other-draft']);
  });

  it('is refused once tampered with: another account, a later expiry, another signature', async () => {
    const preview = await mint();
    const [, , account, expires, nonce, signature] = preview.split('_') as string[];
    const forged = [
      `ghee_p_${other.id}_${expires}_${nonce}_${signature}`,
      `ghee_p_${account}_${Number(expires) + 1000}_${nonce}_${signature}`,
      `ghee_p_${account}_${expires}_${nonce!.replace(/^./, (c) => (c === '0' ? '1' : '0'))}_${signature}`,
      preview.slice(0, -1) + (preview.endsWith('0') ? '1' : '0'),
      `ghee_p_${account}_${expires}_${nonce}_${signature!.toUpperCase()}`,
      preview.slice(0, -2),
      `${preview}00`,
      `ghee_p_0${account}_${expires}_${nonce}_${signature}`,
      `ghee_p_${account}_9999999999999999_${nonce}_${signature}`,
      'ghee_p_',
      `ghee_r_${preview.slice(7)}`,
      `${preview}${'0'.repeat(200)}`,
    ];
    for (const token of forged) await refused(DRAFT, token);
    expect((await s.get(DRAFT, preview)).status).toBe(200);
  });

  it('is refused once its account is gone', async () => {
    const gone = await createAccount(s.store.db, { name: 'Gone', plan: 'enterprise' });
    const preview = await mint(gone.write_token);
    expect((await s.get('/v2/pages/*/', preview)).status).toBe(200);
    // Its counted calls go to the database first: they would have no account to land on.
    await s.ctx.meter.flush();
    await s.store.db.deleteFrom('accounts').where('id', '=', gone.id).execute();
    await refused('/v2/pages/*/', preview);
  });

  describe('rotation and revocation of any of the account’s tokens', () => {
    const tokens = () => `/admin/api/accounts/${s.demo.id}/tokens`;
    const newReadToken = async () => (await admin.request('POST', tokens(), { kind: 'read', label: 'temp' })).body.data;

    it('a rotation ends every preview token; new ones work', async () => {
      const [a, b] = [await mint(), await mint()];
      const theirs = await mint(other.write_token);
      const made = await newReadToken();
      expect((await admin.request('POST', `${tokens()}/${made.id}/rotate`)).status).toBe(201);
      await refused(DRAFT, a);
      await refused(DRAFT, b);
      expect((await s.get(DRAFT, await mint())).status).toBe(200);
      expect((await s.get('/v2/pages/*/', theirs)).status).toBe(200);
    });

    it('a revocation in the dashboard ends them; revoking a revoked token again does not', async () => {
      const made = await newReadToken();
      const before = await mint();
      expect((await admin.request('DELETE', `${tokens()}/${made.id}`)).status).toBe(200);
      await refused(DRAFT, before);
      const after = await mint();
      expect((await admin.request('DELETE', `${tokens()}/${made.id}`)).status).toBe(200);
      expect((await s.get(DRAFT, after)).status).toBe(200);
    });

    it('a revocation with the CLI ends them', async () => {
      const made = await newReadToken();
      const before = await mint();
      expect(await revokeToken(s.store.db, made.token, cliActor())).not.toBeNull();
      await refused(DRAFT, before);
    });
  });

  it('is never written to the log: ?auth_token= is redacted', async () => {
    const preview = await mint();
    expect(redactUrl(`${DRAFT}?locale=en&auth_token=${preview}`)).toBe(`${DRAFT}?locale=en&auth_token=[redacted]`);
  });
});
