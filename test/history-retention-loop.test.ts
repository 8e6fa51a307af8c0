import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAccount } from '../src/accounts/accounts.js';
import { importActor } from '../src/audit/actor.js';
import { recordAudit } from '../src/audit/record-audit.js';
import { loadConfig } from '../src/config.js';
import { HistoryHousekeeper, RETENTION_LEASE } from '../src/history/retention/history-housekeeper.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { listen } from '../src/server.js';
import { openStore, type Store } from '../src/store/database.js';
import { DAY_MS } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';

// History retention as the server runs it (docs/api.md §12.4): old audit records and expired
// trash go; several processes on one database prune one at a time, under a lease.

describe.each(DIALECTS)('history retention pass (%s)', (dialect) => {
  let s: TestServer;
  /** A second process on the same database. */
  let other: Store;
  const housekeepers: HistoryHousekeeper[] = [];
  const housekeeper = (store: Store, holder: string, now: () => Date = () => new Date(), auditRetentionDays = 365) => {
    const h = new HistoryHousekeeper(store.db, now, { holder, auditRetentionDays });
    housekeepers.push(h);
    return h;
  };

  /** One pass, then the lease freed for the next case. */
  const once = async (h: HistoryHousekeeper) => {
    const report = await h.tick();
    await h.stop();
    return report;
  };

  beforeAll(async () => {
    s = await demoServer(dialect);
    other = openStore(s.store.url);
  });
  afterAll(async () => {
    for (const h of housekeepers) await h.stop();
    await other?.close();
    await s?.close();
  });

  let n = 0;
  /** An account of its own with a page edited `edits` times, then (`free`) on the free plan: 10 versions kept. */
  async function accountWithPage(edits: number, free = true): Promise<{ account: CreatedAccount; slug: string }> {
    const account = await seedDemo(s.store, `Loop ${++n}`);
    const slug = `loop-${n}`;
    expect((await s.send('POST', '/v2/pages/', landingBody(slug), account.write_token)).status).toBe(202);
    for (let i = 1; i <= edits; i++) {
      const body = { fields: { headline: `Edit ${i}` } };
      const r = await s.send('PATCH', `/v2/pages/landing_page/${slug}/`, body, account.write_token);
      expect(r.status).toBe(202);
    }
    if (free) await onFree(account);
    return { account, slug };
  }

  const onFree = (account: CreatedAccount) =>
    s.store.db.updateTable('accounts').set({ plan: 'free' }).where('id', '=', account.id).execute();

  /** The versions of the page of that slug, in its default locale. */
  const versionCount = async (slug: string) =>
    Number(
      (
        await s.store.db
          .selectFrom('versions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'page')
          .where('slug', '=', slug)
          .where('locale', '=', 'en')
          .executeTakeFirstOrThrow()
      ).n,
    );

  const auditTexts = async (accountId: number) =>
    (
      await s.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('account_id', '=', accountId)
        .where('action', 'like', 'test.%')
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  it('deletes audit records older than AUDIT_RETENTION_DAYS and keeps younger ones', async () => {
    const account = await seedDemo(s.store, 'Audited');
    const at = (days: number) => new Date(Date.now() - days * DAY_MS);
    const record = (action: string, days: number) =>
      recordAudit(s.store.db, importActor('test'), [{ accountId: account.id, action, kind: 'account' }], at(days));
    await record('test.old', 400);
    await record('test.year', 364);
    await record('test.two-days', 2);
    await record('test.now', 0);
    // Other accounts' old records go too (the demo content is dated back): at least this one.
    expect((await once(housekeeper(s.store, 'audit-365')))?.audit).toBeGreaterThanOrEqual(1);
    expect(await auditTexts(account.id)).toEqual(['test.year', 'test.two-days', 'test.now']);
    // The least retention (1 day): what the database itself lets go.
    expect((await once(housekeeper(s.store, 'audit-1', undefined, 1)))?.audit).toBeGreaterThanOrEqual(2);
    expect(await auditTexts(account.id)).toEqual(['test.now']);
  });

  it('refuses an AUDIT_RETENTION_DAYS under 1 and a HISTORY_PRUNE_MS that is no positive number', () => {
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(
      'AUDIT_RETENTION_DAYS must be a positive integer, not "0"',
    );
    expect(() => loadConfig({ HISTORY_PRUNE_MS: 'soon' })).toThrow(
      'HISTORY_PRUNE_MS must be a positive integer, not "soon"',
    );
    expect(loadConfig({})).toMatchObject({ auditRetentionDays: 365, historyPruneMs: 600_000 });
  });

  it('purges trash past its purge_after, with its history, and keeps the rest', async () => {
    const { account, slug } = await accountWithPage(0, false);
    const token = account.write_token;
    expect((await s.send('DELETE', `/v2/pages/landing_page/${slug}/`, undefined, token)).status).toBe(204);
    await onFree(account);
    const trash = () =>
      s.store.db
        .selectFrom('trash')
        .select(['subject_id', 'purge_after'])
        .where('account_id', '=', account.id)
        .execute();
    const [row] = await trash();
    expect(row).toBeDefined();
    const purgeAfter = new Date(row!.purge_after);
    // A day before its time it stays; a moment after it goes.
    const early = housekeeper(s.store, 'trash-early', () => new Date(purgeAfter.getTime() - DAY_MS));
    expect((await once(early))?.trash).toBe(0);
    expect(await trash()).toHaveLength(1);
    const late = housekeeper(s.store, 'trash-late', () => new Date(purgeAfter.getTime() + 1000));
    expect((await once(late))?.trash).toBe(1);
    expect(await trash()).toEqual([]);
    expect(await versionCount(slug)).toBe(0);
  });

  it('lets only the lease holder prune when two processes run it at once', async () => {
    const first = await accountWithPage(14);
    expect(await versionCount(first.slug)).toBe(15);
    const a = housekeeper(s.store, 'process-a');
    const b = housekeeper(other, 'process-b');
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect([ra, rb].filter((r) => r === null)).toHaveLength(1);
    expect((ra ?? rb)?.versions).toBe(5);
    expect(await versionCount(first.slug)).toBe(10);

    // The holder keeps the lease between passes; the other skips, until the holder stops.
    const [holder, waiting] = ra ? [a, b] : [b, a];
    const second = await accountWithPage(12);
    expect(await waiting.tick()).toBeNull();
    expect(await versionCount(second.slug)).toBe(13);
    await holder.stop();
    expect((await waiting.tick())?.versions).toBe(3);
    expect(await versionCount(second.slug)).toBe(10);
    await waiting.stop();
  });

  it('runs in a serving process once it listens, and frees its lease on close', async () => {
    const { slug } = await accountWithPage(13);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-retention-'));
    const config = loadConfig(
      {},
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: s.store.url,
        dataDir,
        mediaDir: dataDir,
        logLevel: 'silent',
        historyPruneMs: 50,
      },
    );
    const server = await listen(config, { logger: false });
    try {
      const deadline = Date.now() + 10_000;
      while ((await versionCount(slug)) > 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(await versionCount(slug)).toBe(10);
    } finally {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const leases = await s.store.db.selectFrom('leases').select('name').where('name', '=', RETENTION_LEASE).execute();
    expect(leases).toEqual([]);
  });
});
