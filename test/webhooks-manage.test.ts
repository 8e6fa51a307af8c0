import { describe, expect, it } from 'vitest';
import { member } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { verifySignature } from './helpers/webhook-receiver.js';
import { useWebhooks } from './helpers/webhook-suite.js';

// Managing webhooks through the admin API (issue 10): the plan gate, the SSRF refusal of private
// targets, the secret shown once, a test delivery, disabling and removing.

describe.each(DIALECTS)('webhook management (%s)', (dialect) => {
  const w = useWebhooks(dialect);
  const { deliveries } = w;

  it('refuses a webhook on a plan without webhooks with the 403', async () => {
    await w.s.store.db.updateTable('accounts').set({ plan: 'free' }).where('id', '=', w.s.demo.id).execute();
    const r = await w.admin.request('POST', w.base, { url: w.receiver.url });
    await w.s.store.db.updateTable('accounts').set({ plan: 'enterprise' }).where('id', '=', w.s.demo.id).execute();
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action', code: 'forbidden' });
  });

  it('refuses loopback and private targets unless the operator allows them', async () => {
    w.s.ctx.config.webhookAllowPrivate = false;
    try {
      for (const url of [w.receiver.url, 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'http://[::1]:8080/']) {
        const r = await w.admin.request('POST', w.base, { url });
        expect(r.status).toBe(400);
        expect(r.body).toEqual({
          detail: { fields: { url: ['Webhooks to loopback, link-local or private addresses are not allowed.'] } },
          code: 'validation',
        });
      }
    } finally {
      w.s.ctx.config.webhookAllowPrivate = true;
    }
    const bad = await w.admin.request('POST', w.base, { url: w.receiver.url, events: ['page.nope'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.detail.fields)).toEqual(['events']);
  });

  it('adds a webhook for every event, showing its secret once', async () => {
    const r = await w.admin.request('POST', w.base, { url: w.receiver.url, headers: { 'X-Build-Token': 'abc' } });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      url: w.receiver.url,
      events: ['page.all', 'collectionitem.all', 'post.all'],
      headers: { 'X-Build-Token': 'abc' },
      enabled: true,
    });
    expect(r.body.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    w.hook = r.body.data;
    const list = await w.admin.get(w.base);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].secret).toBeUndefined();
  });

  it.for([
    [
      'POST without a url',
      'POST',
      '',
      { events: ['page.all'] },
      { detail: { fields: { url: ['This field is required.'] } }, code: 'validation' },
    ],
    [
      'PUT with enabled not a boolean',
      'PUT',
      '/:id',
      { enabled: 'yes' },
      { detail: { fields: { enabled: ['Must be true or false.'] } }, code: 'validation' },
    ],
    [
      'GET deliveries with an unknown status',
      'GET',
      '/:id/deliveries?status=lost',
      undefined,
      { detail: 'status must be one of pending, failed, delivered, dead', code: 'malformed_body' },
    ],
  ] as const)('refuses %s with a 400', async ([, method, path, body, answer]) => {
    const r = await w.admin.request(method, `${w.base}${path.replace(':id', String(w.hook.id))}`, body);
    expect({ status: r.status, body: r.body }).toEqual({ status: 400, body: answer });
  });

  it('tests a webhook, disables and removes it', async () => {
    w.receiver.received.length = 0;
    const t = await w.admin.request('POST', `${w.base}/${w.hook.id}/test`);
    expect(t.status).toBe(200);
    expect(t.body.data).toMatchObject({ status: 'delivered', event: 'page.published', last_status: 200 });
    expect(w.receiver.received[0]!.json.data.id).toBe('webhook-test');
    expect(verifySignature(w.hook.secret, w.receiver.received[0]!)).toBe(true);
    await w.admin.request('PUT', `${w.base}/${w.hook.id}`, { enabled: false });
    await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    expect((await deliveries()).data[0].id).toBe(t.body.data.id);
    const editor = await member(w.s.app, w.s.store, w.s.demo.id, 'editor');
    expect((await editor.get(w.base)).status).toBe(403);
    expect((await w.admin.request('DELETE', `${w.base}/${w.hook.id}`)).status).toBe(204);
    expect((await w.admin.get(`${w.base}/${w.hook.id}/deliveries`)).status).toBe(404);
  });
});
