import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOperator } from '../src/users/operator-flag.js';
import { member, type AdminClient } from './helpers/admin.js';
import { AT, fromRequest, noRecord, oneRecord, userActor } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The audit log (docs/api.md §12.3) of the dashboard's settings: schema, locales, tokens, the
// plan, the site and webhooks. Each change leaves exactly one record, in its account, naming the
// signed-in user, the request and the client; a refused change leaves none; no record holds a
// secret (a token, a webhook's path or headers).

describe.each(DIALECTS)('audit records of settings (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let editor: AdminClient;
  let base: string;
  let adminEmail: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { webhookAllowPrivate: true } });
    adminEmail = `admin@${s.demo.id}.test`;
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    base = `/admin/api/accounts/${s.demo.id}`;
  });

  afterAll(async () => {
    await s?.close();
  });

  /** What every record of the admin's change in the demo account says. */
  const byAdmin = (reply: { headers: Record<string, unknown> }) => ({
    account_id: s.demo.id,
    at: expect.stringMatching(AT),
    actor: userActor(adminEmail),
    ...fromRequest(reply),
  });

  it('schema apply: schema.apply with the change lines', async () => {
    const doc = (await admin.get(`${base}/schema`)).body.data;
    doc.page_types.landing_page.fields.subtitle = { type: 'short_text' };
    const { result, record } = await oneRecord(s.store, () => admin.request('PUT', `${base}/schema`, doc));
    expect(result.status).toBe(200);
    expect(record).toEqual({
      ...byAdmin(result),
      id: expect.any(Number),
      action: 'schema.apply',
      kind: 'schema',
      target: { id: null, slug: null },
      detail: { changes: ['+ page_types.landing_page.fields.subtitle (short_text)'], count: 1 },
    });
  });

  it('schema apply: the same document again changes nothing and records nothing', async () => {
    const doc = (await admin.get(`${base}/schema`)).body.data;
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/schema`, doc))).status).toBe(200);
  });

  it.for<[string, number, (doc: any) => void]>([
    ['an invalid document', 400, (doc) => (doc.page_types.landing_page.fields.x = { type: 'nope' })],
    ['a change that loses content, unconfirmed', 409, (doc) => delete doc.page_types.landing_page.fields.headline],
  ])('schema apply refused (%s, %i) records nothing', async ([, status, change]) => {
    const doc = (await admin.get(`${base}/schema`)).body.data;
    change(doc);
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/schema`, doc))).status).toBe(status);
  });

  it('schema apply by an editor (403) records nothing', async () => {
    const doc = (await admin.get(`${base}/schema`)).body.data;
    expect((await noRecord(s.store, () => editor.request('PUT', `${base}/schema`, doc))).status).toBe(403);
  });

  it('locales: locales.set of kind locale', async () => {
    const locales = [
      { slug: 'en', name: 'English', default: true },
      { slug: 'es', name: 'Español' },
    ];
    const { result, record } = await oneRecord(s.store, () => admin.request('PUT', `${base}/locales`, { locales }));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      ...byAdmin(result),
      action: 'locales.set',
      kind: 'locale',
      detail: { changes: ['~ locales.es (name "Spanish" -> "Español")'], count: 1 },
    });
  });

  it('locales refused (400) records nothing', async () => {
    const bad = { locales: [{ slug: 'EN!', name: 'Bad', default: true }] };
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/locales`, bad))).status).toBe(400);
  });

  it('tokens: token.create, token.rotate, token.revoke, never the token itself', async () => {
    const made = await oneRecord(s.store, () => admin.request('POST', `${base}/tokens`, { kind: 'read', label: 'ci' }));
    const token = made.result.body.data;
    expect(made.record).toMatchObject({
      ...byAdmin(made.result),
      action: 'token.create',
      kind: 'token',
      target: { id: String(token.id), slug: null },
      detail: { kind: 'read', label: 'ci' },
    });
    const rotated = await oneRecord(s.store, () => admin.request('POST', `${base}/tokens/${token.id}/rotate`));
    const fresh = rotated.result.body.data;
    expect(rotated.record).toMatchObject({
      ...byAdmin(rotated.result),
      action: 'token.rotate',
      target: { id: String(token.id), slug: null },
      detail: { kind: 'read', label: 'ci', replaced_by: fresh.id },
    });
    const revoked = await oneRecord(s.store, () => admin.request('DELETE', `${base}/tokens/${fresh.id}`));
    expect(revoked.result.status).toBe(200);
    expect(revoked.record).toMatchObject({ action: 'token.revoke', target: { id: String(fresh.id) } });
    const all = JSON.stringify([made.record, rotated.record, revoked.record]);
    expect(all).not.toContain(token.token.slice(7));
    expect(all).not.toContain(fresh.token.slice(7));
    // Revoking again changes nothing.
    expect((await noRecord(s.store, () => admin.request('DELETE', `${base}/tokens/${fresh.id}`))).status).toBe(200);
  });

  it.for<[string, () => Promise<{ status: number }>, number]>([
    ['a bad kind', () => admin.request('POST', `${base}/tokens`, { kind: 'admin' }), 400],
    ['rotating an unknown token', () => admin.request('POST', `${base}/tokens/999999/rotate`), 404],
    ['an editor creating one', () => editor.request('POST', `${base}/tokens`, { kind: 'read' }), 403],
  ])('tokens refused (%s) record nothing', async ([, act, status]) => {
    expect((await noRecord(s.store, act)).status).toBe(status);
  });

  it('site settings: site.update with what changed', async () => {
    const body = { site_url: 'https://example.com/blog', feed_title: 'News' };
    const { result, record } = await oneRecord(s.store, () => admin.request('PUT', `${base}/settings`, body));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      ...byAdmin(result),
      action: 'site.update',
      kind: 'account',
      target: { id: String(s.demo.id), slug: null },
      detail: body,
    });
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/settings`, body))).status).toBe(200);
    const bad = { site_url: 'ftp://example.com' };
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/settings`, bad))).status).toBe(400);
  });

  it('webhooks: create, update, delete, naming only where they go', async () => {
    const url = 'http://127.0.0.1:9/hooks/s3cret-path?key=s3cret';
    const body = { url, events: ['page.all'], headers: { Authorization: 'Bearer s3cret' } };
    const made = await oneRecord(s.store, () => admin.request('POST', `${base}/webhooks`, body));
    const id = made.result.body.data.id;
    expect(made.record).toMatchObject({
      ...byAdmin(made.result),
      action: 'webhook.create',
      kind: 'webhook',
      target: { id: String(id), slug: null },
      detail: { target: 'http://127.0.0.1:9', events: ['page.all'], headers: ['Authorization'], enabled: true },
    });
    const changed = await oneRecord(s.store, () => admin.request('PUT', `${base}/webhooks/${id}`, { enabled: false }));
    expect(changed.record).toMatchObject({ action: 'webhook.update', detail: { enabled: false } });
    const gone = await oneRecord(s.store, () => admin.request('DELETE', `${base}/webhooks/${id}`));
    expect(gone.result.status).toBe(204);
    expect(gone.record).toMatchObject({
      ...byAdmin(gone.result),
      action: 'webhook.delete',
      target: { id: String(id) },
    });
    expect(JSON.stringify([made.record, changed.record, gone.record])).not.toContain('s3cret');
  });

  it.for<[string, () => Promise<{ status: number }>, number]>([
    ['a bad URL', () => admin.request('POST', `${base}/webhooks`, { url: 'nope' }), 400],
    ['deleting an unknown one', () => admin.request('DELETE', `${base}/webhooks/999999`), 404],
    ['an editor adding one', () => editor.request('POST', `${base}/webhooks`, { url: 'http://127.0.0.1:9/' }), 403],
  ])('webhooks refused (%s) record nothing', async ([, act, status]) => {
    expect((await noRecord(s.store, act)).status).toBe(status);
  });

  it('plan: refused for an admin who is not the owner (403), then plan.set by an operator', async () => {
    const body = { plan: 'advanced' };
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/plan`, body))).status).toBe(403);
    await setOperator(s.store.db, adminEmail, true);
    const { result, record } = await oneRecord(s.store, () => admin.request('PUT', `${base}/plan`, body));
    expect(result.status).toBe(200);
    expect(record).toMatchObject({
      ...byAdmin(result),
      action: 'plan.set',
      kind: 'account',
      target: { id: String(s.demo.id), slug: null },
      detail: { plan: 'advanced', previous_plan: 'enterprise', monthly_call_limit: null },
    });
    expect((await noRecord(s.store, () => admin.request('PUT', `${base}/plan`, body))).status).toBe(200);
  });
});
