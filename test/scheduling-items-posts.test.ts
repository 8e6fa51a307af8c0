import { beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { at, eventCounts, HOUR_MS, shifted, useTwoNodes, type TwoNodes } from './helpers/scheduling.js';
import type { TestServer } from './helpers/server.js';

// Timed publishing of collection items and posts (docs/api.md §13): items carry their timing in
// `meta`; a post may be scheduled over its live version, and taken off the air at a time.

describe.each(DIALECTS)('scheduled items and posts (%s)', (dialect) => {
  const nodes = useTwoNodes(dialect);
  const { clock } = nodes;
  let s: TestServer;
  let node2: TwoNodes['node2'];
  beforeAll(() => void ({ s, node2 } = nodes));
  const names = async (preview = false) =>
    (await node2.get(`/v2/content/brands/?page_size=100${preview ? '&preview=1' : ''}`)).body.data.brands.map(
      (b: { name: string }) => b.name,
    );

  it('publishes a scheduled item at its time, with its timing in meta', async () => {
    const time = at(clock, HOUR_MS);
    const r = await s.send('POST', '/v2/content/brands/', {
      status: 'scheduled',
      scheduled: time,
      fields: [{ name: 'Timed brand' }],
    });
    expect(r.status).toBe(202);
    const waiting = (await node2.get('/v2/content/brands/?page_size=100&preview=1')).body.data.brands;
    const item = waiting.find((b: { name: string }) => b.name === 'Timed brand');
    expect(item.meta).toEqual({ id: item.meta.id, status: 'scheduled', scheduled: time, unpublish_at: null });
    clock.set(shifted(time, -1));
    expect(await names()).not.toContain('Timed brand');
    expect((await node2.get(`/v2/content/brands/${item.meta.id}/`)).status).toBe(404);
    clock.set(shifted(time, 1));
    expect(await names()).toContain('Timed brand');
    const live = (await node2.get(`/v2/content/brands/${item.meta.id}/`)).body.data;
    expect(live.meta).toEqual({ id: item.meta.id, status: 'published', scheduled: time });
  });

  it('takes an item off the air at unpublish_at, and a PATCH can clear it before', async () => {
    await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Leaving brand' }] });
    await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Staying brand' }] });
    const items = (await s.get('/v2/content/brands/?page_size=100')).body.data.brands;
    const id = (name: string) => items.find((b: { name: string }) => b.name === name).meta.id;
    const time = at(clock, HOUR_MS);
    for (const name of ['Leaving brand', 'Staying brand'])
      expect((await s.send('PATCH', `/v2/content/brands/${id(name)}/`, { unpublish_at: time })).status).toBe(202);
    expect((await s.send('PATCH', `/v2/content/brands/${id('Staying brand')}/`, { unpublish_at: null })).status).toBe(
      202,
    );
    clock.set(shifted(time, 1));
    expect(await names()).toEqual(expect.arrayContaining(['Staying brand']));
    expect(await names()).not.toContain('Leaving brand');
    expect(await names(true)).toContain('Leaving brand');
  });

  it('schedules a change over a live post: readers keep the live one until its time', async () => {
    expect(
      (await s.send('POST', '/v2/posts/', postBody('live-post', { status: 'published', title: 'Old' }))).status,
    ).toBe(202);
    const first = (await s.get('/v2/posts/live-post/')).body.data;
    const time = at(clock, HOUR_MS);
    const change = { status: 'scheduled', scheduled: time, title: 'New', tags: ['fresh'] };
    expect((await s.send('PATCH', '/v2/posts/live-post/', change)).status).toBe(202);
    expect((await node2.get('/v2/posts/live-post/')).body.data.title).toBe('Old');
    expect((await node2.get('/v2/posts/live-post/?preview=1')).body.data).toMatchObject({
      status: 'scheduled',
      title: 'New',
      unpublish_at: null,
    });
    clock.set(shifted(time, -1));
    expect((await node2.get('/v2/posts/?page_size=100')).body.data.find((p: any) => p.slug === 'live-post').title).toBe(
      'Old',
    );
    clock.set(shifted(time, 1));
    const after = (await node2.get('/v2/posts/live-post/')).body.data;
    expect(after).toMatchObject({ status: 'published', title: 'New', published: first.published });
    expect(after.tags.map((t: { name: string }) => t.name)).toEqual(['fresh']);
    expect((await s.get('/v2/posts/search/?query=New')).body.data.map((p: any) => p.slug)).toContain('live-post');
  });

  it('takes a post off the air at unpublish_at: gone from the list, the feeds and search', async () => {
    await s.send('POST', '/v2/posts/', postBody('brief-post', { status: 'published', title: 'Brief' }));
    const time = at(clock, HOUR_MS);
    expect((await s.send('PATCH', '/v2/posts/brief-post/', { unpublish_at: time })).status).toBe(202);
    expect((await s.get('/v2/posts/brief-post/?preview=1')).body.data.unpublish_at).toBe(time);
    expect((await s.get('/v2/posts/brief-post/')).body.data).not.toHaveProperty('unpublish_at');
    clock.set(shifted(time, -1));
    expect((await node2.get('/v2/feeds/rss/')).body.data).toContain('brief-post');
    clock.set(shifted(time, 1));
    expect((await node2.get('/v2/posts/brief-post/')).status).toBe(404);
    expect((await node2.get('/v2/feeds/rss/')).body.data).not.toContain('brief-post');
    expect((await s.get('/v2/posts/search/?query=Brief')).body.data).toEqual([]);
    expect((await s.get('/v2/posts/brief-post/?preview=1')).body.data).toMatchObject({ status: 'draft' });
  });

  it('reported each scheduled change once, as the scheduler', async () => {
    const counts = await eventCounts(s, 'scheduler');
    expect(counts['collectionitem.published']).toBe(1);
    expect(counts['collectionitem.unpublished']).toBe(1);
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'kind'])
      .where('account_id', '=', s.demo.id)
      .where('actor_type', '=', 'scheduler')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'publish', kind: 'item' },
      { action: 'unpublish', kind: 'item' },
      { action: 'publish', kind: 'post' },
      { action: 'unpublish', kind: 'post' },
    ]);
  });
});
