import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { at, eventCounts, HOUR_MS, shifted, useTwoNodes, type TwoNodes } from './helpers/scheduling.js';
import type { TestServer } from './helpers/server.js';

// Timed publishing of pages (docs/api.md §13): a scheduled create, a scheduled change over the
// live version and an unpublish, each read 1 ms before and after its time, on two nodes.

describe.each(DIALECTS)('scheduled pages (%s)', (dialect) => {
  const nodes = useTwoNodes(dialect);
  const { clock } = nodes;
  let s: TestServer;
  let node2: TwoNodes['node2'];
  beforeAll(() => void ({ s, node2 } = nodes));
  const page = (slug: string, preview = false) => `/v2/pages/landing_page/${slug}/${preview ? '?preview=1' : ''}`;

  it('publishes a scheduled page at its time, not a millisecond before, on every node', async () => {
    const time = at(clock, HOUR_MS);
    const created = await s.send('POST', '/v2/pages/', landingBody('timed', { headline: 'Soon' }));
    expect(created.status).toBe(202);
    expect((await s.send('PATCH', page('timed'), { status: 'scheduled', scheduled: time })).status).toBe(202);
    const body = { ...landingBody('later'), status: 'scheduled', scheduled: time };
    expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
    const waiting = await s.get(page('later', true));
    expect(waiting.body.data).toMatchObject({
      status: 'scheduled',
      scheduled: time,
      published: null,
      unpublish_at: null,
    });
    clock.set(shifted(time, -1));
    expect((await s.get(page('later'))).status).toBe(404);
    expect((await node2.get(page('later'))).status).toBe(404);
    const listed = await s.get('/v2/pages/landing_page/');
    expect(listed.body.data.map((p: { slug: string }) => p.slug)).not.toContain('later');
    clock.set(shifted(time, 1));
    const live = await node2.get(page('later'));
    expect(live.status).toBe(200);
    expect(live.body.data).toMatchObject({ status: 'published', scheduled: time, published: time });
    expect(live.body.data).not.toHaveProperty('unpublish_at');
    expect((await s.get(page('later'))).body.data.status).toBe('published');
    expect((await s.get('/v2/pages/landing_page/')).body.data.map((p: { slug: string }) => p.slug)).toContain('later');
  });

  it('keeps the live version until a scheduled change replaces it', async () => {
    expect((await s.send('POST', '/v2/pages/', landingBody('live', { headline: 'Old' }))).status).toBe(202);
    const time = at(clock, HOUR_MS);
    const change = { status: 'scheduled', scheduled: time, fields: { headline: 'New' } };
    expect((await s.send('PATCH', page('live'), change)).status).toBe(202);
    expect((await s.get(page('live'))).body.data.fields.headline).toBe('Old');
    const draft = (await s.get(page('live', true))).body.data;
    expect(draft).toMatchObject({ status: 'scheduled', scheduled: time, fields: { headline: 'New' } });
    const firstPublished = (await s.get(page('live'))).body.data.published;
    clock.set(shifted(time, -1));
    expect((await node2.get(page('live'))).body.data.fields.headline).toBe('Old');
    clock.set(shifted(time, 1));
    const after = (await node2.get(page('live'))).body.data;
    expect(after).toMatchObject({ status: 'published', published: firstPublished, fields: { headline: 'New' } });
    expect((await s.get(page('live', true))).body.data.status).toBe('published');
  });

  it('takes a page off the air at unpublish_at, everywhere it was listed', async () => {
    expect((await s.send('POST', '/v2/pages/', landingBody('leaving'))).status).toBe(202);
    const time = at(clock, HOUR_MS);
    expect((await s.send('PATCH', page('leaving'), { unpublish_at: time })).status).toBe(202);
    expect((await s.get(page('leaving', true))).body.data.unpublish_at).toBe(time);
    clock.set(shifted(time, -1));
    expect((await node2.get(page('leaving'))).status).toBe(200);
    clock.set(shifted(time, 1));
    expect((await node2.get(page('leaving'))).status).toBe(404);
    expect((await s.get(page('leaving'))).status).toBe(404);
    const search = await s.get('/v2/pages/search/?query=leaving');
    expect(search.body.data.map((p: { slug: string }) => p.slug)).not.toContain('leaving');
    expect((await s.get(page('leaving', true))).body.data).toMatchObject({ status: 'draft', unpublish_at: null });
  });

  it('published each change once, as the scheduler, with its history', async () => {
    // 'later', 'live' and 'timed' (scheduled with no change of fields) published, 'leaving' taken down.
    expect(await eventCounts(s, 'scheduler')).toEqual({ 'page.published': 3, 'page.unpublished': 1 });
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type', 'actor_name'])
      .where('account_id', '=', s.demo.id)
      .where('actor_type', '=', 'scheduler')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['publish', 'publish', 'publish', 'unpublish']);
    expect(audit.every((a) => a.actor_name === 'scheduler')).toBe(true);
    const versions = await s.get('/v2/pages/landing_page/later/versions/', s.demo.write_token);
    expect(versions.body.data[0]).toMatchObject({ status: 'published', author: { type: 'scheduler' } });
  });
});
