import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredTrash } from '../src/history/trash/purge-trash.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { auditOf, entryIdOf, historyOf, landingPage, newestTrashRow } from './helpers/trash.js';

// Purging the trash (docs/api.md §12.2): one row, by age, and when TRASH_DAYS (7 here) is up.
// A purge removes the trash row and its subject's history for good, and leaves an audit record.

const DAY_MS = 24 * 3600 * 1000;

describe.each(DIALECTS)('purging the trash (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let trash: string;
  /** Creates, deletes and returns the trash row and entry id of a new page. */
  const binned = async (slug: string) => {
    expect((await s.send('POST', '/v2/pages/', landingPage(slug, slug))).status).toBe(202);
    const id = await entryIdOf(s.store, s.demo.id, slug);
    expect((await s.send('DELETE', `/v2/pages/landing_page/${slug}/`)).status).toBe(204);
    return { id, row: await newestTrashRow(s, 'page') };
  };
  const listed = async () =>
    (await s.get('/v2/trash/?page_size=100', s.demo.write_token)).body.data.map((r: { slug: string }) => r.slug);

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { trashDays: 7 } });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    trash = `/admin/api/accounts/${s.demo.id}/trash`;
  });
  afterAll(async () => s?.close());

  it('keeps a deleted page for TRASH_DAYS', async () => {
    const { row } = await binned('kept-a-week');
    expect(Date.parse(row.purge_after) - Date.parse(row.deleted)).toBe(7 * DAY_MS);
  });

  it('purges one row for good: gone from the list, its history gone, an audit record left', async () => {
    const { id, row } = await binned('purge-me');
    expect((await historyOf(s.store, s.demo.id, 'page', id)).length).toBeGreaterThan(0);
    expect((await s.send('DELETE', `/v2/trash/page/${row.trash_id}/`)).status).toBe(204);
    expect(await listed()).not.toContain('purge-me');
    expect(await historyOf(s.store, s.demo.id, 'page', id)).toEqual([]);
    expect(await auditOf(s.store, s.demo.id, 'purge', id)).toMatchObject([
      { actor_type: 'token', kind: 'page', target_slug: 'purge-me', detail: '{"type":"landing_page"}' },
    ]);
    expect((await s.send('POST', `/v2/trash/page/${row.trash_id}/restore/`)).body).toEqual({ detail: 'Not found' });
    expect((await s.send('DELETE', `/v2/trash/page/${row.trash_id}/`)).status).toBe(404);
  });

  it('purges by age through the admin API: what was deleted that many days ago or more', async () => {
    const old = await binned('old-news');
    const recent = await binned('fresh-news');
    // As if deleted ten days ago: no API moves a delete's time.
    const tenDaysAgo = new Date(Date.parse(old.row.deleted) - 10 * DAY_MS).toISOString().replace('Z', '000Z');
    await s.store.db.updateTable('trash').set({ deleted: tenDaysAgo }).where('id', '=', old.row.trash_id).execute();
    const purged = await admin.request('DELETE', `${trash}?older_than_days=9`);
    expect(purged).toMatchObject({ status: 200, body: { data: { purged: 1 } } });
    expect(await listed()).not.toContain('old-news');
    expect(await listed()).toContain('fresh-news');
    expect(await historyOf(s.store, s.demo.id, 'page', old.id)).toEqual([]);
    expect((await historyOf(s.store, s.demo.id, 'page', recent.id)).length).toBeGreaterThan(0);
    const [audit] = await auditOf(s.store, s.demo.id, 'purge', old.id);
    expect(audit).toMatchObject({ actor_type: 'user', actor_name: `admin@${s.demo.id}.test` });
  });

  it.for(['', '?older_than_days=', '?older_than_days=-1', '?older_than_days=1.5', '?older_than_days=123456'])(
    'refuses a purge by age with %j: 400, nothing purged',
    async (query) => {
      const before = await listed();
      expect(await admin.request('DELETE', `${trash}${query}`)).toMatchObject({
        status: 400,
        body: { detail: 'older_than_days should be a whole number of days, 0 or more', code: 'invalid_trash_filter' },
      });
      expect(await listed()).toEqual(before);
    },
  );

  it('purgeExpiredTrash purges the rows whose purge_after has passed, and only those', async () => {
    const { id, row } = await binned('expiring');
    const deleted = Date.parse(row.deleted);
    const remaining = async () =>
      Number(
        (
          await s.store.db
            .selectFrom('trash')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await remaining();
    expect(await purgeExpiredTrash(s.store.db, new Date(deleted + 6 * DAY_MS))).toBe(0);
    expect(await remaining()).toBe(before);
    expect(await purgeExpiredTrash(s.store.db, new Date(deleted + 8 * DAY_MS))).toBe(before);
    expect(await remaining()).toBe(0);
    expect(await historyOf(s.store, s.demo.id, 'page', id)).toEqual([]);
    expect(await auditOf(s.store, s.demo.id, 'purge', id)).toMatchObject([
      { actor_type: 'scheduler', actor_name: 'trash expiry', target_slug: 'expiring' },
    ]);
    expect(await purgeExpiredTrash(s.store.db, new Date(deleted + 8 * DAY_MS))).toBe(0);
  });
});
