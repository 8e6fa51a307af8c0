import { describe, expect, it } from 'vitest';
import { publishDuePosts } from '../src/blog/scheduler/publish-due.js';
import { isoMicro } from '../src/time.js';
import { DIALECTS } from './helpers/databases.js';
import { verifySignature } from './helpers/webhook-receiver.js';
import { seq, useWebhooks } from './helpers/webhook-suite.js';

// Webhook events (issue 10): every event's ButterCMS payload, Standard Webhooks signatures checked
// by an independent implementation, subscriptions, the scheduler's publishes, and no event for a
// failed write.

describe.each(DIALECTS)('webhook events (%s)', (dialect) => {
  const w = useWebhooks(dialect, { withHook: true });
  const { drain, deliveries } = w;

  it('sends every page, collection item and post event with ButterCMS payloads, signed', async () => {
    const account = `/admin/api/accounts/${w.s.demo.id}`;
    expect(
      (await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'draft', fields: { headline: 'Soon' } }))
        .status,
    ).toBe(202);
    expect((await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' })).status).toBe(202);
    expect((await w.admin.request('POST', `${account}/pages/landing_page/launch/unpublish`)).status).toBe(200);
    expect((await w.s.send('DELETE', '/v2/pages/landing_page/coming-soon/?force=true')).status).toBe(204);
    expect(
      (await w.s.send('POST', '/v2/content/', { key: 'brands', status: 'draft', fields: [{ name: 'Hooked' }] })).status,
    ).toBe(202);
    const item = await w.s.store.db
      .selectFrom('entries')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(
      (await w.s.send('PATCH', `/v2/content/brands/${item.id}/`, { status: 'published', fields: {} })).status,
    ).toBe(202);
    expect((await w.admin.request('POST', `${account}/items/brands/${item.id}/unpublish`)).status).toBe(200);
    expect((await w.s.send('DELETE', `/v2/content/brands/${item.id}/`)).status).toBe(204);
    expect((await w.s.send('POST', '/v2/posts/', { title: 'Hooks', slug: 'hooks', status: 'draft' })).status).toBe(202);
    expect((await w.s.send('PATCH', '/v2/posts/hooks/', { status: 'published' })).status).toBe(202);
    expect((await w.s.send('DELETE', '/v2/posts/hooks/')).status).toBe(204);
    await drain();

    w.receiver.received.sort((x, y) => seq(x) - seq(y));
    const got = w.receiver.received.map((r) => r.json);
    expect(got.map((p) => p.webhook.event)).toEqual([
      // Unpublished without a locale: every locale goes, one event each (the default one's locale is null).
      'page.draft',
      'page.published',
      'page.unpublished',
      'page.unpublished',
      'page.delete',
      'collectionitem.draft',
      'collectionitem.published',
      'collectionitem.unpublished',
      'collectionitem.delete',
      'post.draft',
      'post.published',
      'post.delete',
    ]);
    for (const p of got) expect(p.webhook.target).toBe(w.receiver.url);
    const stamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const micro = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(got[1].data).toEqual({
      id: 'launch',
      buttercms_id: expect.any(Number),
      page_type: 'landing_page',
      editor: 'default write token',
      name: 'Launch',
      timestamp: stamp,
      locale: null,
      status: 'published',
      updated: micro,
      published: micro,
      scheduled: null,
    });
    expect(got[0].data).toMatchObject({ id: 'launch', status: 'draft' });
    expect(got[2].data).toMatchObject({ id: 'launch', status: 'draft', published: null, locale: null });
    expect(got[3].data).toMatchObject({ id: 'launch', status: 'draft', published: null, locale: 'es' });
    expect(got[4].data).toMatchObject({ id: 'coming-soon', status: 'deleted', page_type: 'landing_page' });
    expect(got[6].data).toEqual({
      id: 'brands',
      itemid: `/v2/content/?keys=brands[_id=${item.id}]`,
      label: 'Hooked',
      editor: 'default write token',
      timestamp: stamp,
      locale: null,
      status: 'published',
    });
    expect(got[8].data).toMatchObject({ id: 'brands', status: 'deleted' });
    expect(got[10].data).toEqual({ id: 'hooks', _id: expect.any(Number) });

    for (const r of w.receiver.received) {
      expect(verifySignature(w.hook.secret, r)).toBe(true);
      expect(r.headers['webhook-id']).toMatch(/^msg_\d+$/);
      expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-build-token']).toBe('abc');
    }
    expect(
      verifySignature(w.hook.secret, {
        ...w.receiver.received[0]!,
        body: w.receiver.received[0]!.body.replace('launch', 'lunch'),
      }),
    ).toBe(false);
    const log = await deliveries();
    expect(log.meta.count).toBe(12);
    expect(
      log.data.every((d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 1),
    ).toBe(true);
  });

  it('sends only the events a webhook subscribed to', async () => {
    await w.admin.request('PUT', `${w.base}/${w.hook.id}`, { events: ['post.published'] });
    w.receiver.received.length = 0;
    await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { status: 'published' });
    await w.s.send('POST', '/v2/posts/', { title: 'Only this', slug: 'only-this', status: 'published' });
    await drain();
    expect(w.receiver.received.map((r) => [r.json.webhook.event, r.json.data.id])).toEqual([
      ['post.published', 'only-this'],
    ]);
    await w.admin.request('PUT', `${w.base}/${w.hook.id}`, { events: ['page.all', 'collectionitem.all', 'post.all'] });
  });

  it('sends post.published when the scheduler publishes a scheduled post', async () => {
    w.receiver.received.length = 0;
    const at = isoMicro(new Date(Date.now() + 3_600_000)).replace(/\.\d+Z$/, 'Z');
    expect(
      (await w.s.send('POST', '/v2/posts/', { title: 'Later', slug: 'later', status: 'scheduled', scheduled: at }))
        .status,
    ).toBe(202);
    expect(await publishDuePosts(w.s.store.db, isoMicro(new Date(Date.now() + 7_200_000)))).toHaveLength(1);
    await drain();
    w.receiver.received.sort((x, y) => seq(x) - seq(y));
    expect(w.receiver.received.map((r) => [r.json.webhook.event, r.json.data.id])).toEqual([
      ['post.draft', 'later'],
      ['post.published', 'later'],
    ]);
  });

  it('sends nothing for a write that fails', async () => {
    w.receiver.received.length = 0;
    const before = (await deliveries()).meta.count;
    const r = await w.s.send('PATCH', '/v2/pages/landing_page/launch/', { fields: { headline: '' } });
    expect(r.status).toBe(400);
    expect((await w.s.send('POST', '/v2/posts/', { title: 'No slug' })).status).toBe(400);
    await drain();
    expect((await deliveries()).meta.count).toBe(before);
    expect(w.receiver.received).toEqual([]);
  });
});
