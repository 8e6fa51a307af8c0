// Webhooks (issue 10), in process: every event's ButterCMS payload, Standard Webhooks signatures
// checked by an independent implementation, retries, dead-lettering, replay, no event for a
// failed write, the SSRF refusal and the plan gate. The dispatcher is driven by hand (tick) on
// a clock the test moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDuePosts } from '../src/blog/scheduler/publish-due.js';
import { isoMicro } from '../src/time.js';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { startReceiver, verifySignature, type Receiver } from './helpers/webhook-receiver.js';

describe.each(DIALECTS)('webhooks (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let receiver: Receiver;
  let dispatcher: WebhookDispatcher;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  let base: string;
  let hook: { id: number; secret: string };
  const MAX_AGE = 60_000;

  beforeAll(async () => {
    s = await demoServer(dialect, { clock, config: { webhookAllowPrivate: true, webhookBackoffMs: 1000, webhookMaxAgeMs: MAX_AGE } });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    receiver = await startReceiver();
    dispatcher = new WebhookDispatcher(s.store, clock, { allowPrivate: true, maxAgeMs: MAX_AGE, backoffMs: 1000, pollMs: 1000 });
    base = `/admin/api/accounts/${s.demo.id}/webhooks`;
  });
  afterAll(async () => {
    await s?.close();
    await receiver?.close();
  });

  /** Attempts everything due, as often as needed. */
  const drain = async () => {
    while ((await dispatcher.tick()).length);
  };
  // Attempts run in parallel: the message ids (the outbox order) give the order of the writes.
  const seq = (r: { headers: Record<string, unknown> }) => Number(String(r.headers['webhook-id']).slice(4));
  const deliveries = async () => (await admin.get(`${base}/${hook.id}/deliveries?page_size=100`)).body;

  it('refuses a webhook on a plan without webhooks with the 403', async () => {
    await s.store.db.updateTable('accounts').set({ plan: 'free' }).where('id', '=', s.demo.id).execute();
    const r = await admin.request('POST', base, { url: receiver.url });
    await s.store.db.updateTable('accounts').set({ plan: 'enterprise' }).where('id', '=', s.demo.id).execute();
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action', code: 'forbidden' });
  });

  it('refuses loopback and private targets unless the operator allows them', async () => {
    s.ctx.config.webhookAllowPrivate = false;
    try {
      for (const url of [receiver.url, 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'http://[::1]:8080/']) {
        const r = await admin.request('POST', base, { url });
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ detail: { fields: { url: ['Webhooks to loopback, link-local or private addresses are not allowed.'] } }, code: 'validation' });
      }
    } finally {
      s.ctx.config.webhookAllowPrivate = true;
    }
    const bad = await admin.request('POST', base, { url: receiver.url, events: ['page.nope'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.detail.fields)).toEqual(['events']);
  });

  it('adds a webhook for every event, showing its secret once', async () => {
    const r = await admin.request('POST', base, { url: receiver.url, headers: { 'X-Build-Token': 'abc' } });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ url: receiver.url, events: ['page.all', 'collectionitem.all', 'post.all'], headers: { 'X-Build-Token': 'abc' }, enabled: true });
    expect(r.body.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    hook = r.body.data;
    const list = await admin.get(base);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].secret).toBeUndefined();
  });

  it('sends every page, collection item and post event with ButterCMS payloads, signed', async () => {
    const account = `/admin/api/accounts/${s.demo.id}`;
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'draft', fields: { headline: 'Soon' } })).status).toBe(202);
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' })).status).toBe(202);
    expect((await admin.request('POST', `${account}/pages/landing_page/launch/unpublish`)).status).toBe(200);
    expect((await s.send('DELETE', '/v2/pages/landing_page/coming-soon/?force=true')).status).toBe(204);
    expect((await s.send('POST', '/v2/content/', { key: 'brands', status: 'draft', fields: [{ name: 'Hooked' }] })).status).toBe(202);
    const item = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect((await s.send('PATCH', `/v2/content/brands/${item.id}/`, { status: 'published', fields: {} })).status).toBe(202);
    expect((await admin.request('POST', `${account}/items/brands/${item.id}/unpublish`)).status).toBe(200);
    expect((await s.send('DELETE', `/v2/content/brands/${item.id}/`)).status).toBe(204);
    expect((await s.send('POST', '/v2/posts/', { title: 'Hooks', slug: 'hooks', status: 'draft' })).status).toBe(202);
    expect((await s.send('PATCH', '/v2/posts/hooks/', { status: 'published' })).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/hooks/')).status).toBe(204);
    await drain();

    receiver.received.sort((x, y) => seq(x) - seq(y));
    const got = receiver.received.map((r) => r.json);
    expect(got.map((p) => p.webhook.event)).toEqual([
      // Unpublished without a locale: every locale goes, one event each (the default one's locale is null).
      'page.draft', 'page.published', 'page.unpublished', 'page.unpublished', 'page.delete',
      'collectionitem.draft', 'collectionitem.published', 'collectionitem.unpublished', 'collectionitem.delete',
      'post.draft', 'post.published', 'post.delete',
    ]);
    for (const p of got) expect(p.webhook.target).toBe(receiver.url);
    const stamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const micro = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(got[1].data).toEqual({
      id: 'launch', buttercms_id: expect.any(Number), page_type: 'landing_page', editor: 'Ghee', name: 'Launch', timestamp: stamp,
      locale: null, status: 'published', updated: micro, published: micro, scheduled: null,
    });
    expect(got[0].data).toMatchObject({ id: 'launch', status: 'draft' });
    expect(got[2].data).toMatchObject({ id: 'launch', status: 'draft', published: null, locale: null });
    expect(got[3].data).toMatchObject({ id: 'launch', status: 'draft', published: null, locale: 'es' });
    expect(got[4].data).toMatchObject({ id: 'coming-soon', status: 'deleted', page_type: 'landing_page' });
    expect(got[6].data).toEqual({
      id: 'brands', itemid: `/v2/content/?keys=brands[_id=${item.id}]`, label: 'Hooked', editor: 'Ghee', timestamp: stamp, locale: null, status: 'published',
    });
    expect(got[8].data).toMatchObject({ id: 'brands', status: 'deleted' });
    expect(got[10].data).toEqual({ id: 'hooks', _id: expect.any(Number) });

    for (const r of receiver.received) {
      expect(verifySignature(hook.secret, r)).toBe(true);
      expect(r.headers['webhook-id']).toMatch(/^msg_\d+$/);
      expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-build-token']).toBe('abc');
    }
    expect(verifySignature(hook.secret, { ...receiver.received[0]!, body: receiver.received[0]!.body.replace('launch', 'lunch') })).toBe(false);
    const log = await deliveries();
    expect(log.meta.count).toBe(12);
    expect(log.data.every((d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('sends only the events a webhook subscribed to', async () => {
    await admin.request('PUT', `${base}/${hook.id}`, { events: ['post.published'] });
    receiver.received.length = 0;
    await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await s.send('POST', '/v2/posts/', { title: 'Only this', slug: 'only-this', status: 'published' });
    await drain();
    expect(receiver.received.map((r) => [r.json.webhook.event, r.json.data.id])).toEqual([['post.published', 'only-this']]);
    await admin.request('PUT', `${base}/${hook.id}`, { events: ['page.all', 'collectionitem.all', 'post.all'] });
  });

  it('sends post.published when the scheduler publishes a scheduled post', async () => {
    receiver.received.length = 0;
    const at = isoMicro(new Date(Date.now() + 3_600_000)).replace(/\.\d+Z$/, 'Z');
    expect((await s.send('POST', '/v2/posts/', { title: 'Later', slug: 'later', status: 'scheduled', scheduled: at })).status).toBe(202);
    expect(await publishDuePosts(s.store.db, isoMicro(new Date(Date.now() + 7_200_000)))).toHaveLength(1);
    await drain();
    receiver.received.sort((x, y) => seq(x) - seq(y));
    expect(receiver.received.map((r) => [r.json.webhook.event, r.json.data.id])).toEqual([['post.draft', 'later'], ['post.published', 'later']]);
  });

  it('sends nothing for a write that fails', async () => {
    receiver.received.length = 0;
    const before = (await deliveries()).meta.count;
    const r = await s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { headline: '' } });
    expect(r.status).toBe(400);
    expect((await s.send('POST', '/v2/posts/', { title: 'No slug' })).status).toBe(400);
    await drain();
    expect((await deliveries()).meta.count).toBe(before);
    expect(receiver.received).toEqual([]);
  });

  it('retries a 500 with backoff, then delivers with the same message id', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500);
    await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await drain();
    let [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'failed', attempts: 1, last_status: 500, last_error: 'Answered 500: ok' });
    expect(Date.parse(latest.next_attempt_at)).toBeGreaterThan(clock().getTime());
    expect(await dispatcher.tick()).toEqual([]); // not due yet
    offset += 1_100;
    await drain();
    [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'delivered', attempts: 2, last_status: 200, last_error: null, next_attempt_at: null });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers['webhook-id']).toBe(receiver.received[1]!.headers['webhook-id']);
    expect(verifySignature(hook.secret, receiver.received[1]!)).toBe(true);
  });

  it('dead-letters a delivery still failing at its maximum age, and replays it on demand', async () => {
    receiver.received.length = 0;
    receiver.answers.push(503, 503, 503);
    await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await drain();
    offset += MAX_AGE / 2;
    await drain();
    offset += MAX_AGE;
    await drain();
    let [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'dead', attempts: 3, last_status: 503, next_attempt_at: null });
    offset += MAX_AGE;
    expect(await dispatcher.tick()).toEqual([]);
    const replayed = await admin.request('POST', `${base}/${hook.id}/deliveries/${latest.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.data).toMatchObject({ id: latest.id, status: 'pending' });
    await drain();
    [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(receiver.received).toHaveLength(4);
    expect((await admin.get(`${base}/${hook.id}/deliveries?status=dead`)).body.meta.count).toBe(0);
    expect((await admin.request('POST', `${base}/${hook.id}/deliveries/999999/replay`)).status).toBe(404);
  });

  it('refuses at delivery a target that resolves to a private address without the flag', async () => {
    const strict = new WebhookDispatcher(s.store, clock, { allowPrivate: false, maxAgeMs: MAX_AGE, backoffMs: 1000, pollMs: 1000 });
    receiver.received.length = 0;
    await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    while ((await strict.tick()).length);
    const [latest] = (await deliveries()).data;
    expect(latest.status).toBe('dead');
    expect(latest.last_error).toMatch(/private address/);
    expect(receiver.received).toEqual([]);
  });

  it('tests a webhook, disables and removes it', async () => {
    receiver.received.length = 0;
    const t = await admin.request('POST', `${base}/${hook.id}/test`);
    expect(t.status).toBe(200);
    expect(t.body.data).toMatchObject({ status: 'delivered', event: 'page.published', last_status: 200 });
    expect(receiver.received[0]!.json.data.id).toBe('webhook-test');
    expect(verifySignature(hook.secret, receiver.received[0]!)).toBe(true);
    await admin.request('PUT', `${base}/${hook.id}`, { enabled: false });
    await s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    expect((await deliveries()).data[0].id).toBe(t.body.data.id);
    const editor = await member(s.app, s.store, s.demo.id, 'editor');
    expect((await editor.get(base)).status).toBe(403);
    expect((await admin.request('DELETE', `${base}/${hook.id}`)).status).toBe(204);
    expect((await admin.get(`${base}/${hook.id}/deliveries`)).status).toBe(404);
  });
});
