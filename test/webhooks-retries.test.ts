import { describe, expect, it } from 'vitest';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { DIALECTS } from './helpers/databases.js';
import { verifySignature } from './helpers/webhook-receiver.js';
import { MAX_AGE, useWebhooks } from './helpers/webhook-suite.js';

// Webhook deliveries that fail (issue 10): retries with backoff on a clock the test moves,
// dead-lettering at the maximum age, replay, and the refusal of private addresses at delivery.

describe.each(DIALECTS)('webhook retries (%s)', (dialect) => {
  const w = useWebhooks(dialect, { withHook: true });
  const { drain, deliveries } = w;

  it('retries a 500 with backoff, then delivers with the same message id', async () => {
    w.receiver.received.length = 0;
    w.receiver.answers.push(500);
    await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await drain();
    let [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'failed', attempts: 1, last_status: 500, last_error: 'Answered 500: ok' });
    expect(Date.parse(latest.next_attempt_at)).toBeGreaterThan(w.clock().getTime());
    expect(await w.dispatcher.tick()).toEqual([]); // not due yet
    w.clock.advance(1_100);
    await drain();
    [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_status: 200,
      last_error: null,
      next_attempt_at: null,
    });
    expect(w.receiver.received).toHaveLength(2);
    expect(w.receiver.received[0]!.headers['webhook-id']).toBe(w.receiver.received[1]!.headers['webhook-id']);
    expect(verifySignature(w.hook.secret, w.receiver.received[1]!)).toBe(true);
  });

  it('dead-letters a delivery still failing at its maximum age, and replays it on demand', async () => {
    w.receiver.received.length = 0;
    w.receiver.answers.push(503, 503, 503);
    await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await drain();
    w.clock.advance(MAX_AGE / 2);
    await drain();
    w.clock.advance(MAX_AGE);
    await drain();
    let [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'dead', attempts: 3, last_status: 503, next_attempt_at: null });
    w.clock.advance(MAX_AGE);
    expect(await w.dispatcher.tick()).toEqual([]);
    const replayed = await w.admin.request('POST', `${w.base}/${w.hook.id}/deliveries/${latest.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.data).toMatchObject({ id: latest.id, status: 'pending' });
    await drain();
    [latest] = (await deliveries()).data;
    expect(latest).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(w.receiver.received).toHaveLength(4);
    expect((await w.admin.get(`${w.base}/${w.hook.id}/deliveries?status=dead`)).body.meta.count).toBe(0);
    expect((await w.admin.request('POST', `${w.base}/${w.hook.id}/deliveries/999999/replay`)).status).toBe(404);
  });

  it('refuses at delivery a target that resolves to a private address without the flag', async () => {
    const strict = new WebhookDispatcher(w.s.store, w.clock, {
      allowPrivate: false,
      maxAgeMs: MAX_AGE,
      backoffMs: 1000,
      pollMs: 1000,
    });
    w.receiver.received.length = 0;
    await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    while ((await strict.tick()).length);
    const [latest] = (await deliveries()).data;
    expect(latest.status).toBe('dead');
    expect(latest.last_error).toMatch(/private address/);
    expect(w.receiver.received).toEqual([]);
  });
});
