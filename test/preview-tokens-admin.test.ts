import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { anonymousClient, member, type AdminClient } from './helpers/admin.js';
import { noRecord } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The dashboard's Preview button (docs/admin-api.md, Preview tokens): an editor or more mints a
// preview token of the account, as /v2 does; a viewer may not. Minting changes no content, so it
// leaves no audit record, and the token is in the answer only.

const DRAFT = '/v2/pages/landing_page/coming-soon/';
const FORBIDDEN = { detail: 'You do not have permission to perform this action', code: 'forbidden' };

describe.each(DIALECTS)('admin preview tokens (%s)', (dialect) => {
  let s: TestServer;
  const now = new Date();
  let url: string;
  const clients = new Map<string, AdminClient>();

  beforeAll(async () => {
    s = await demoServer(dialect, { clock: () => now, config: { previewTokenTtl: 600 } });
    url = `/admin/api/accounts/${s.demo.id}/preview-tokens`;
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const)
      clients.set(role, await member(s.app, s.store, s.demo.id, role));
  });

  afterAll(async () => {
    await s?.close();
  });

  const expiresAfter = (seconds: number) => new Date(+now + seconds * 1000).toISOString().replace('Z', '000Z');

  it.for(['editor', 'admin', 'owner'])('mints for an %s, with PREVIEW_TOKEN_TTL by default', async (role) => {
    const res = await noRecord(s.store, () => clients.get(role)!.request('POST', url));
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      data: { token: expect.stringMatching(/^ghee_p_[A-Za-z0-9_]+$/), expires: expiresAfter(600) },
    });
    const read = await s.get(DRAFT, res.body.data.token);
    expect(read.status).toBe(200);
    expect(read.body.data.slug).toBe('coming-soon');
  });

  it('takes expires_in, and refuses a bad one with the /v2 field error', async () => {
    const editor = clients.get('editor')!;
    expect((await editor.request('POST', url, { expires_in: 30 })).body.data.expires).toBe(expiresAfter(30));
    expect(await editor.request('POST', url, { expires_in: 0 })).toMatchObject({
      status: 400,
      body: {
        detail: { fields: { expires_in: ['Ensure this value is greater than or equal to 1.'] } },
        code: 'validation',
      },
    });
    expect(await editor.request('POST', url, { expires_in: 'soon' })).toMatchObject({
      status: 400,
      body: { detail: { fields: { expires_in: ['A valid integer is required.'] } } },
    });
    expect((await editor.request('POST', url, { label: 'x' })).status).toBe(400);
  });

  it('refuses a viewer (403) before reading the body', async () => {
    const res = await clients.get('viewer')!.request('POST', url, { expires_in: 0 });
    expect({ status: res.status, body: res.body }).toEqual({ status: 403, body: FORBIDDEN });
  });

  it('refuses without a session (401) and without the CSRF token (403)', async () => {
    const anonymous = await anonymousClient(s.app);
    expect((await anonymous.request('POST', url)).body).toEqual({
      detail: 'Authentication credentials were not provided',
      code: 'not_signed_in',
    });
    const res = await clients.get('editor')!.request('POST', url, undefined, { csrf: null });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'csrf_token' });
  });

  it('answers 404 for an account the user is not a member of, and 405 to a GET', async () => {
    const elsewhere = await createAccount(s.store.db, { name: 'Elsewhere' });
    const editor = clients.get('editor')!;
    expect((await editor.request('POST', `/admin/api/accounts/${elsewhere.id}/preview-tokens`)).status).toBe(404);
    const get = await editor.get(url);
    expect({ status: get.status, allow: get.headers.allow }).toEqual({ status: 405, allow: 'POST' });
  });

  it('mints a token of the session’s account that reads that account only', async () => {
    const elsewhere = await createAccount(s.store.db, { name: 'Another', plan: 'enterprise' });
    const theirEditor = await member(s.app, s.store, elsewhere.id, 'editor', 'editor@another.test');
    const res = await theirEditor.request('POST', `/admin/api/accounts/${elsewhere.id}/preview-tokens`);
    expect(res.status).toBe(201);
    expect((await s.get(DRAFT, res.body.data.token)).status).toBe(404);
  });
});
