import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { at, HOUR_MS, shifted, stillClock } from './helpers/scheduling.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The dashboard's side of scheduling (docs/admin-api.md, Schedule): editors schedule pages,
// items and posts through the admin API, lists filter on Scheduled, and the agenda shows what
// is coming across all content. The demo's scheduled post ("winter-menu") is in every agenda.

describe.each(DIALECTS)('admin scheduling (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let base: string;
  const clock = stillClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    base = `/admin/api/accounts/${s.demo.id}`;
  });
  afterAll(async () => s?.close());

  it('schedules a page and an item from the editor, and reads their timing back', async () => {
    const time = at(clock, HOUR_MS);
    const off = at(clock, 3 * HOUR_MS);
    const created = await editor.request('POST', `${base}/pages`, {
      title: 'Timed',
      slug: 'admin-timed',
      page_type: 'landing_page',
      status: 'scheduled',
      scheduled: time,
      unpublish_at: off,
      fields: { headline: 'Timed' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      status: 'scheduled',
      scheduled: time,
      unpublish_at: off,
      published: null,
    });
    const item = await editor.request('POST', `${base}/items/brands`, {
      status: 'scheduled',
      scheduled: time,
      fields: { name: 'Admin brand' },
    });
    expect(item.status).toBe(201);
    expect(item.body.data).toMatchObject({ status: 'scheduled', scheduled: time });
    const refused = await editor.request('PUT', `${base}/pages/landing_page/admin-timed`, { unpublish_at: time });
    expect(refused.status).toBe(400);
    expect(refused.body.detail.fields).toEqual({
      unpublish_at: ['Ensure this time is later than the scheduled time.'],
    });
  });

  it('filters every list on Scheduled', async () => {
    const pages = await viewer.get(`${base}/pages?status=scheduled`);
    expect(pages.body.data.map((p: any) => [p.slug, p.status])).toEqual([['admin-timed', 'scheduled']]);
    const drafts = await viewer.get(`${base}/pages?status=draft`);
    expect(drafts.body.data.map((p: any) => p.slug)).not.toContain('admin-timed');
    const items = await viewer.get(`${base}/items/brands?status=scheduled`);
    expect(items.body.data.map((i: any) => i.status)).toEqual(['scheduled']);
    const posts = await viewer.get(`${base}/posts?status=scheduled`);
    expect(posts.body.data.map((p: any) => p.slug)).toEqual(['winter-menu']);
    expect((await viewer.get(`${base}/pages?status=later`)).body).toMatchObject({
      detail: 'status query parameter should be draft, published or scheduled',
    });
  });

  it('lists what is coming across all content, soonest first, in a range', async () => {
    const agenda = await viewer.get(`${base}/schedule`);
    expect(agenda.status).toBe(200);
    expect(agenda.body.data.map((u: any) => [u.kind, u.action, u.title])).toEqual([
      ['page', 'publish', 'Timed'],
      ['item', 'publish', 'Admin brand'],
      ['page', 'unpublish', 'Timed'],
      ['post', 'publish', 'Our winter menu'],
    ]);
    expect(agenda.body.data[0]).toEqual({
      at: at(clock, HOUR_MS),
      action: 'publish',
      kind: 'page',
      title: 'Timed',
      page_type: 'landing_page',
      slug: 'admin-timed',
      locale: null,
    });
    expect(agenda.body.meta.truncated).toBe(false);
    const soon = await viewer.get(`${base}/schedule?to=${encodeURIComponent(at(clock, 2 * HOUR_MS))}`);
    expect(soon.body.data).toHaveLength(2);
    for (const q of ['from=yesterday', `from=${at(clock, 0)}&to=${at(clock, -1)}`, 'to=2999-01-01T00:00:00Z']) {
      const bad = await viewer.get(`${base}/schedule?${q.replace(/\+/g, '%2B')}`);
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toMatch(/^from and to should be ISO 8601/);
    }
  });

  it('shows applied changes as they are, without waiting for the scheduler', async () => {
    clock.set(shifted(at(clock, HOUR_MS), 1));
    const page = await viewer.get(`${base}/pages/landing_page/admin-timed`);
    expect(page.body.data).toMatchObject({ status: 'published', unpublished_changes: false });
    expect((await viewer.get(`${base}/schedule`)).body.data.map((u: any) => u.action)).toEqual([
      'unpublish',
      'publish',
    ]);
    expect((await s.get('/v2/pages/landing_page/admin-timed/')).status).toBe(200);
  });
});
