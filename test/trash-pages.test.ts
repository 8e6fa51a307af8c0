import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { auditOf, entryIdOf, everyRead, historyOf, landingPage, newestTrashRow } from './helpers/trash.js';

// Deleting a page moves it to the trash (docs/api.md §12.2): reads behave as after a delete
// today, and a restore brings back the same page, id and history, in every locale and channel.

const DAY_MS = 24 * 3600 * 1000;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe.each(DIALECTS)('the trash: pages (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('a deleted page reads as deleted, and is listed in the trash', async () => {
    const id = await entryIdOf(s.store, s.demo.id, 'coming-soon');
    expect((await s.send('DELETE', '/v2/pages/landing_page/coming-soon/')).status).toBe(204);
    expect((await s.get('/v2/pages/landing_page/coming-soon/?preview=1')).status).toBe(404);
    const list = await s.get('/v2/pages/landing_page/?preview=1&page_size=100');
    expect(list.body.data.map((p: { slug: string }) => p.slug)).not.toContain('coming-soon');
    const row = await newestTrashRow(s, 'page');
    expect(row).toEqual({
      trash_id: expect.any(Number),
      kind: 'page',
      page_type: 'landing_page',
      slug: 'coming-soon',
      name: 'Coming soon',
      deleted: expect.stringMatching(ISO),
      deleted_by: { type: 'token', name: expect.any(String) },
      purge_after: expect.stringMatching(ISO),
    });
    expect(Date.parse(row.purge_after) - Date.parse(row.deleted)).toBe(30 * DAY_MS);
    expect(await auditOf(s.store, s.demo.id, 'delete', id)).toHaveLength(1);
    // Restored, for the next tests to find it as it was.
    expect((await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`)).status).toBe(202);
  });

  it('restores a page with the same id, content in every locale and channel, and history', async () => {
    const id = await entryIdOf(s.store, s.demo.id, 'pricing');
    const url = '/v2/pages/landing_page/pricing/';
    const before = await everyRead(s, url);
    const history = await historyOf(s.store, s.demo.id, 'page', id);
    expect(history.length).toBeGreaterThan(2);
    expect((await s.send('DELETE', `${url}?force=true`)).status).toBe(204);
    expect(Object.values(await everyRead(s, url)).map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const row = await newestTrashRow(s, 'page');
    expect(row).toMatchObject({ page_type: 'landing_page', slug: 'pricing', name: 'Pricing' });
    const restored = await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`);
    expect(restored).toMatchObject({ status: 202, body: { status: 'pending' } });
    expect(await entryIdOf(s.store, s.demo.id, 'pricing')).toBe(id);
    expect(await everyRead(s, url)).toEqual(before);
    expect(await historyOf(s.store, s.demo.id, 'page', id)).toEqual(history);
    const listed = await s.get('/v2/trash/?kind=page', s.demo.write_token);
    expect(listed.body.data.map((r: { slug: string }) => r.slug)).not.toContain('pricing');
    const [audit] = await auditOf(s.store, s.demo.id, 'restore', id);
    expect(audit).toMatchObject({ actor_type: 'token', kind: 'page', target_slug: 'pricing' });
  });

  it('rebuilds what filters, searches and references read', async () => {
    const row = async () => newestTrashRow(s, 'page');
    const filtered = () => s.get('/v2/pages/landing_page/?fields.priority=60');
    const searched = () => s.get('/v2/pages/search/?query=pricing&locale=es');
    const referrer = () => s.get('/v2/pages/landing_page/launch/?levels=2');
    const slugs = (r: { body: { data: { slug: string }[] } }) => r.body.data.map((p) => p.slug);
    const related = (r: { body: { data: { fields: { related: { slug: string }[] } } } }) =>
      r.body.data.fields.related.map((p) => p.slug);
    expect(slugs(await filtered())).toEqual(['pricing']);
    expect(slugs(await searched())).toContain('pricing');
    expect(related(await referrer())).toEqual(['pricing', 'about-us']);
    // Referenced by launch: refused, then forced; launch then reads without it (cached so).
    expect((await s.send('DELETE', '/v2/pages/landing_page/pricing/')).body).toEqual({
      detail: 'Cannot delete: referenced by landing_page/launch',
    });
    expect((await s.send('DELETE', '/v2/pages/landing_page/pricing/?force=true')).status).toBe(204);
    expect(slugs(await filtered())).toEqual([]);
    expect(slugs(await searched())).not.toContain('pricing');
    expect(related(await referrer())).toEqual(['about-us']);
    expect(related(await referrer())).toEqual(['about-us']);
    expect((await s.send('POST', `/v2/trash/page/${(await row()).trash_id}/restore/`)).status).toBe(202);
    expect(slugs(await filtered())).toEqual(['pricing']);
    expect(slugs(await searched())).toContain('pricing');
    expect(related(await referrer())).toEqual(['pricing', 'about-us']);
  });

  it('refuses a restore whose slug was taken meanwhile: 409, nothing changed', async () => {
    const page = (headline: string) => landingPage('reborn', headline);
    expect((await s.send('POST', '/v2/pages/', page('First'))).status).toBe(202);
    expect((await s.send('DELETE', '/v2/pages/landing_page/reborn/')).status).toBe(204);
    const row = await newestTrashRow(s, 'page');
    expect((await s.send('POST', '/v2/pages/', page('Second'))).status).toBe(202);
    const before = await everyRead(s, '/v2/pages/landing_page/reborn/');
    const refused = await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`);
    expect(refused).toMatchObject({ status: 409, body: { detail: "A page with slug 'reborn' already exists" } });
    expect(await everyRead(s, '/v2/pages/landing_page/reborn/')).toEqual(before);
    expect(await newestTrashRow(s, 'page')).toEqual(row);
    // Once the new one is gone too, the first comes back; the second waits in the trash.
    expect((await s.send('DELETE', '/v2/pages/landing_page/reborn/')).status).toBe(204);
    expect((await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`)).status).toBe(202);
    expect((await s.get('/v2/pages/landing_page/reborn/')).body.data.fields.headline).toBe('First');
  });

  it('restores a single page, listed with page_type *', async () => {
    const before = await everyRead(s, '/v2/pages/*/homepage/');
    expect((await s.send('DELETE', '/v2/pages/*/homepage/?force=true')).status).toBe(204);
    const row = await newestTrashRow(s, 'page');
    expect(row).toMatchObject({ page_type: '*', slug: 'homepage', name: 'Homepage' });
    expect((await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`)).status).toBe(202);
    expect(await everyRead(s, '/v2/pages/*/homepage/')).toEqual(before);
  });

  it('queues the webhooks of a write for the restored page', async () => {
    await s.store.db
      .insertInto('webhooks')
      .values({
        account_id: s.demo.id,
        url: 'https://hooks.example/ghee',
        events: 'page.all',
        headers: '{}',
        secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdA==',
        enabled: 1,
        created: new Date().toISOString(),
      })
      .execute();
    expect((await s.send('DELETE', '/v2/pages/landing_page/coming-soon/')).status).toBe(204);
    const row = await newestTrashRow(s, 'page');
    expect((await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`)).status).toBe(202);
    const events = await s.store.db.selectFrom('webhook_deliveries').select('event').orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual(['page.delete', 'page.draft', 'page.draft']);
  });
});
