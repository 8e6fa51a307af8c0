import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { PostScheduler, SCHEDULER_LEASE } from '../src/blog/scheduler/post-scheduler.js';
import { publishDuePosts } from '../src/blog/scheduler/publish-due.js';
import { writePost } from '../src/blog/write/write-post.js';
import { loadConfig } from '../src/config.js';
import { listen } from '../src/server.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { isoMicro } from '../src/time.js';
import { movableClock } from './helpers/blog.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { importActor } from '../src/audit/actor.js';

// Scheduled posts become published when their time comes, exactly once, even with several Ghee
// processes on one database: each process is a store of its own here (its own connections).

const HOUR_MS = 60 * 60 * 1000;

describe.each(DIALECTS)('post scheduler (%s)', (dialect) => {
  let database: TestDatabase;
  let a: Store;
  let b: Store;
  let account: CreatedAccount;
  const clock = movableClock();
  const schedulers: PostScheduler[] = [];
  const scheduler = (store: Store, holder: string, leaseMs = 30_000) => {
    const s = new PostScheduler(store.db, clock, {
      holder,
      leaseMs,
      onError: (e) => {
        throw e;
      },
    });
    schedulers.push(s);
    return s;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    a = openStore(database.url);
    b = openStore(database.url);
    await migrateToLatest(a);
    await migrateToLatest(b);
    account = await createAccount(a.db, { name: 'Scheduled blog' });
  });
  afterAll(async () => {
    for (const s of schedulers) await s.stop();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  /** Posts scheduled `inMs` from now, written as the API would. */
  async function schedule(prefix: string, count: number, inMs = HOUR_MS): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const input = {
        title: `${prefix} ${i}`,
        slug: `${prefix}-${i}`,
        status: 'scheduled' as const,
        scheduled: isoMicro(new Date(clock().getTime() + inMs)),
      };
      ids.push(
        (
          await writePost(
            a.db,
            { accountId: account.id, intent: 'create', input },
            { now: clock(), actor: importActor('test fixture') },
          )
        ).id,
      );
    }
    return ids;
  }

  const versions = (ids: number[]) =>
    a.db
      .selectFrom('post_versions')
      .select(['post_id', 'channel', 'status', 'published', 'scheduled'])
      .where('post_id', 'in', ids)
      .execute();
  const contentVersion = async () =>
    (await a.db.selectFrom('accounts').select('content_version').where('id', '=', account.id).executeTakeFirstOrThrow())
      .content_version;

  it('publishes each due post exactly once when two processes race: one holds the lease, the other does nothing', async () => {
    const ids = await schedule('race', 20);
    const first = scheduler(a, 'process-a');
    const second = scheduler(b, 'process-b');
    // Whichever takes the lease first keeps it while it renews it (the clock jump below lets it
    // expire, so the next round is a new race).
    const start = await Promise.all([first.tick(), second.tick()]);
    expect(start.filter((r) => r === null)).toHaveLength(1);
    clock.advance(2 * HOUR_MS);
    const before = await contentVersion();
    const results = await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    // One process did the work, the other was refused the lease both times.
    expect([results[0] === null && results[2] === null, results[1] === null && results[3] === null].sort()).toEqual([
      false,
      true,
    ]);
    expect(results.flatMap((r) => r ?? []).sort((x, y) => x - y)).toEqual(ids);
    for (const v of await versions(ids)) expect(v).toMatchObject({ status: 'published', published: v.scheduled });
    expect(await contentVersion()).toBeGreaterThan(before);
    expect((await Promise.all([first.tick(), second.tick()])).sort()).toEqual([[], null]);
  });

  it('the conditional update alone publishes a post once, even if two processes ran it at the same moment', async () => {
    const ids = await schedule('atomic', 30);
    clock.advance(2 * HOUR_MS);
    const now = isoMicro(clock());
    const results = await Promise.all([
      publishDuePosts(a.db, now),
      publishDuePosts(b.db, now),
      publishDuePosts(a.db, now),
      publishDuePosts(b.db, now),
    ]);
    const all = results.flat().sort((x, y) => x - y);
    expect(all).toEqual(ids);
    expect(new Set(all).size).toBe(ids.length);
  });

  it('hands the lease over when its holder stops, or when it stops renewing it', async () => {
    const one = scheduler(a, 'one', 1_000);
    const two = scheduler(b, 'two', 1_000);
    // Whoever held it from the tests before gives it up first.
    for (const s of schedulers.slice(0, -2)) await s.stop();
    expect(await one.tick()).toEqual([]);
    expect(await two.tick()).toBeNull();
    await one.stop();
    expect(await two.tick()).toEqual([]);
    const three = scheduler(a, 'three', 1_000);
    expect(await three.tick()).toBeNull();
    clock.advance(1_001);
    const [id] = await schedule('takeover', 1, -1);
    expect(await three.tick()).toEqual([]);
    expect(await two.tick()).toBeNull();
    expect(
      (await a.db.selectFrom('leases').selectAll().where('name', '=', SCHEDULER_LEASE).executeTakeFirstOrThrow())
        .holder,
    ).toBe('three');
    // A time already past is published by the write itself; the scheduler finds nothing to do.
    expect((await versions([id!]))[0]!.status).toBe('published');
  });

  it('runs in a serving process: a due post is published without a restart, and close() stops the loop', async () => {
    for (const s of schedulers) await s.stop();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-scheduler-'));
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', databaseUrl: database.url, dataDir, mediaDir: dataDir, logLevel: 'silent' },
    );
    const server = await listen(config, { logger: false, clock, schedulerIntervalMs: 20 });
    try {
      const [id] = await schedule('served', 1);
      const read = () =>
        fetch(`${server.address}/v2/posts/served-0/`, { headers: { authorization: `Token ${account.read_token}` } });
      expect((await read()).status).toBe(404);
      clock.advance(2 * HOUR_MS);
      // Readers see it at once; the loop makes it durable within a few passes.
      expect(((await (await read()).json()) as { data: { status: string } }).data.status).toBe('published');
      const deadline = Date.now() + 5_000;
      while ((await versions([id!])).some((v) => v.status !== 'published') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect((await versions([id!])).map((v) => v.status)).toEqual(['published', 'published']);
    } finally {
      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(5_000);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(await a.db.selectFrom('leases').selectAll().execute()).toEqual([]);
  });
});
