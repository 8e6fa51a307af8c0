import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { at, eventCounts, HOUR_MS, listenToAll, secondNode, shifted, stillClock } from './helpers/scheduling.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { openStore, type Store } from '../src/store/database.js';
import { applyDue } from '../src/scheduling/apply-due.js';

// Exactly once across nodes: when a time comes, two schedulers (each on its own connections, as
// two processes) and a burst of reads on two nodes all race to apply the same changes; each
// change is applied, versioned, audited and reported once.

describe.each(DIALECTS)('scheduled changes on two nodes (%s)', (dialect) => {
  let s: TestServer;
  let node2: Awaited<ReturnType<typeof secondNode>>;
  let other: Store;
  const clock = stillClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
    node2 = await secondNode(s, clock);
    other = openStore(s.store.url);
    await listenToAll(s);
  });
  afterAll(async () => {
    await node2?.close();
    await other?.close();
    await s?.close();
  });

  it('applies each due change once, whoever gets there first', async () => {
    const time = at(clock, HOUR_MS);
    const timed = { status: 'scheduled', scheduled: time };
    for (let i = 0; i < 4; i++)
      expect((await s.send('POST', '/v2/pages/', { ...landingBody(`race-${i}`), ...timed })).status).toBe(202);
    expect(
      (await s.send('POST', '/v2/content/brands/', { ...timed, fields: [{ name: 'R1' }, { name: 'R2' }] })).status,
    ).toBe(202);
    for (const slug of ['race-a', 'race-b'])
      expect((await s.send('POST', '/v2/posts/', postBody(slug, timed))).status).toBe(202);
    expect((await s.send('POST', '/v2/pages/', { ...landingBody('race-off'), unpublish_at: time })).status).toBe(202);

    clock.set(shifted(time, 1));
    const reads = [
      '/v2/pages/landing_page/?page_size=100',
      '/v2/content/brands/',
      '/v2/posts/',
      '/v2/pages/landing_page/race-0/',
    ];
    const results = await Promise.all([
      applyDue(s.store.db, clock()),
      applyDue(other.db, clock()),
      ...reads.map((url) => s.get(url)),
      ...reads.map((url) => node2.get(url)),
    ]);
    const [a, b] = results as Awaited<ReturnType<typeof applyDue>>[];
    expect(a!.entriesPublished + b!.entriesPublished).toBeLessThanOrEqual(6);
    for (const r of results.slice(2) as { status: number }[]) expect(r.status).toBe(200);

    // Post payloads name no editor (ButterCMS's shape): the drafts are the scheduled creates.
    expect(await eventCounts(s, 'scheduler')).toEqual({
      'post.draft': 2,
      'page.published': 4,
      'collectionitem.published': 2,
      'post.published': 2,
      'page.unpublished': 1,
    });
    const audit = await s.store.db
      .selectFrom('audit_log')
      .select(({ fn }) => ['action', fn.countAll<number>().as('n')])
      .where('account_id', '=', s.demo.id)
      .where('actor_type', '=', 'scheduler')
      .groupBy('action')
      .orderBy('action')
      .execute();
    expect(audit.map((r) => [r.action, Number(r.n)])).toEqual([
      ['publish', 8],
      ['unpublish', 1],
    ]);
    const versions = await s.store.db
      .selectFrom('versions')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('account_id', '=', s.demo.id)
      .where('actor_type', '=', 'scheduler')
      .executeTakeFirstOrThrow();
    expect(Number(versions.n)).toBe(9);
    expect((await applyDue(other.db, clock())).postsPublished).toEqual([]);
  });
});

describe.each(DIALECTS)('a burst of reads at a scheduled time (%s)', (dialect) => {
  it('runs one pass for the burst, not one per read', async () => {
    const clock = stillClock();
    const passes: string[] = [];
    const onQuery = (sql: string) => /^update "entry_versions" set "status"/.test(sql) && passes.push(sql);
    const s = await demoServer(dialect, { clock, onQuery });
    try {
      const time = at(clock, HOUR_MS);
      const body = { ...landingBody('burst'), status: 'scheduled', scheduled: time };
      expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
      clock.set(shifted(time, 1));
      const reads = await Promise.all(Array.from({ length: 20 }, () => s.get('/v2/pages/landing_page/burst/')));
      expect(reads.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(passes).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
