import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { seq, useWebhooks } from './helpers/webhook-suite.js';
import { verifySignature } from './helpers/webhook-receiver.js';

// The media library's webhook events (docs/webhooks.md): media.created, media.updated and
// media.deleted, asked for by name or through media.all, queued with the change (the outbox),
// signed like every delivery, `editor` naming who made the change. A webhook made without
// `events` keeps to ButterCMS's events.

const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

describe.each(DIALECTS)('media library webhooks (%s)', (dialect) => {
  const w = useWebhooks(dialect, { withHook: true });

  it('sends each change of the library to a webhook that asked for media events', async () => {
    const made = await w.admin.request('POST', w.base, { url: w.receiver.url, events: ['media.all', 'page.all'] });
    expect(made.status).toBe(201);
    const media = `/admin/api/accounts/${w.s.demo.id}/media`;
    const up = await uploadForm(w.s, w.admin, media, [
      { fileName: 'one.png', bytes: await png(5, 4, 1) },
      { fileName: 'two.png', bytes: await png(5, 4, 2) },
    ]);
    const [one, two] = up.body.data;
    // The same bytes again: nothing new in the library, no event.
    await uploadForm(w.s, w.admin, media, [{ fileName: 'again.png', bytes: await png(5, 4, 1) }]);
    await w.admin.request('PATCH', `${media}/${one.name}`, { alt: 'First' });
    const page = { fields: { headline: 'Hooked', hero_image: two.url } };
    expect((await w.s.send('PATCH', '/v2/pages/landing_page/launch/', page)).status).toBe(202);
    const replaced = await uploadForm(w.s, w.admin, `${media}/${two.name}/replace`, [
      { fileName: 'three.png', bytes: await png(5, 4, 3) },
    ]);
    expect(replaced.body.data.replaced).toBe(1);
    const three = replaced.body.data.media;
    expect((await w.admin.request('DELETE', `${media}/${one.name}`)).status).toBe(204);
    await w.drain();

    const mine = w.receiver.received
      .filter((r) => verifySignature(made.body.data.secret, r))
      .sort((x, y) => seq(x) - seq(y));
    expect(mine.map((r) => r.json.webhook.event)).toEqual([
      'media.created',
      'media.created',
      'media.updated',
      // The page write, then the replacement's rewrite of that page, which sends its own event.
      'page.published',
      'page.published',
      'media.updated',
      'media.deleted',
    ]);
    const data = mine.map((r) => r.json.data);
    expect(mine[0]!.json).toEqual({
      data: { ...one, editor: `admin@${w.s.demo.id}.test`, timestamp: expect.stringMatching(STAMP) },
      webhook: { event: 'media.created', target: w.receiver.url },
    });
    expect(data[1]).toMatchObject({ name: two.name, value: two.value, original_name: 'two.png' });
    expect(data[2]).toMatchObject({ name: one.name, alt: 'First', updated: expect.any(String) });
    expect(data[4]).toMatchObject({ id: 'launch', page_type: 'landing_page', status: 'published' });
    expect(data[5]).toEqual({
      ...three,
      replaced: { name: two.name, url: two.url },
      editor: `admin@${w.s.demo.id}.test`,
      timestamp: expect.stringMatching(STAMP),
    });
    expect(data[6]).toMatchObject({ name: one.name, url: one.url, alt: 'First' });
  });

  it('sends no media event to a webhook made without events (ButterCMS receivers)', async () => {
    const deliveries = await w.deliveries();
    const events = deliveries.data.map((d: { event: string }) => d.event);
    expect(events.filter((e: string) => e.startsWith('media.'))).toEqual([]);
    expect(events).toContain('page.published');
  });

  it('refuses an unknown media event', async () => {
    const res = await w.admin.request('POST', w.base, { url: w.receiver.url, events: ['media.renamed'] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.detail.fields)).toEqual(['events']);
  });
});
