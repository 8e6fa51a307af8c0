// Two `ghee serve` processes on one database under continuous load while the database goes away.
// PostgreSQL: every backend of the database is terminated again and again (what a restart or a
// failover does), then it refuses connections for a while. Before the fix both processes died at
// the first termination (an uncaught 'error' event of pg's pool). SQLite: another process holds
// the file's write lock for longer than a write waits. Both nodes must keep running, answer
// only 200/202 or the JSON 503 with Retry-After, report it on /readyz, serve again without a
// restart, and keep every acknowledged write.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { acceptable, brandNames, Load } from './helpers/outage-load.js';
import { allowConnections, refuseConnections, terminateBackends } from './helpers/pg-outage.js';
import { freePort, kill, spawnServe } from './helpers/process.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DIALECTS)('two nodes while the database goes away (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let dataDir: string;
  let bases: string[];
  let tokens: { read: string; write: string };
  let load: Load;
  const pids: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-outage-'));
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(await main(['seed', 'demo', '--json'], io)).toBe(0);
    const demo = JSON.parse(out[0]!) as { read_token: string; write_token: string };
    tokens = { read: demo.read_token, write: demo.write_token };
    const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
    const ports = [await freePort(), await freePort()];
    children.push(...(await Promise.all(ports.map((port) => spawnServe(env, port)))));
    pids.push(...children.map((c) => c.pid!));
    bases = ports.map((port) => `http://127.0.0.1:${port}`);
    load = new Load(bases, tokens, 4);
    while (load.acknowledged.length < 10) await sleep(20); // under way before the outage starts
  });
  afterAll(async () => {
    await load?.stop();
    if (dialect === 'postgres' && database) await allowConnections(database.url);
    for (const child of children) await kill(child);
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const alive = () => children.map((c) => c.exitCode === null && c.signalCode === null);
  const readyz = async (base: string) => {
    const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return { status: r.status, body: await r.json() };
  };
  /** Waits until every node answers /readyz with `status`, for at most `ms`. */
  const allReady = async (status: number, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const answers = await Promise.all(bases.map(readyz));
      if (answers.every((a) => a.status === status) || Date.now() > deadline) return answers;
      await sleep(100);
    }
  };
  /** Waits until every node has answered `n` more successes to the load, for at most 15 s. */
  const servingAgain = async (since: number, n = 5) => {
    const deadline = Date.now() + 15_000;
    const successes = () => load.since(since).filter((a) => a.status === 200 || a.status === 202).length;
    while (successes() < n * bases.length && Date.now() < deadline) await sleep(50);
    return successes() >= n * bases.length;
  };

  if (dialect === 'postgres') {
    it('keeps both nodes running through repeated terminations of every backend under load', async () => {
      const start = Date.now();
      for (let round = 0; round < 8; round++) {
        await sleep(300);
        expect(await terminateBackends(database.url)).toBeGreaterThanOrEqual(0);
      }
      expect(await servingAgain(Date.now())).toBe(true);
      expect(alive()).toEqual([true, true]);
      expect(load.since(start).filter((a) => !acceptable(a))).toEqual([]);
    });

    it('answers the JSON 503 and /readyz 503 on both while connections are refused, then serves again', async () => {
      await refuseConnections(database.url);
      let away;
      const window = Date.now();
      try {
        away = await allReady(503, 5_000);
        await sleep(1_500);
      } finally {
        await allowConnections(database.url);
      }
      const refused = load.since(window);
      expect(away).toEqual([
        { status: 503, body: { status: 'database unreachable' } },
        { status: 503, body: { status: 'database unreachable' } },
      ]);
      expect(refused.filter((a) => a.status === 503).length).toBeGreaterThan(10);
      expect(refused.filter((a) => !acceptable(a))).toEqual([]);
      const back = Date.now();
      expect(await allReady(200, 10_000)).toEqual([
        { status: 200, body: { status: 'ready' } },
        { status: 200, body: { status: 'ready' } },
      ]);
      expect(await servingAgain(back)).toBe(true);
      expect(alive()).toEqual([true, true]);
    });
  } else {
    it('keeps both nodes serving reads while another process holds the write lock past the wait, then writes again', async () => {
      const other = new SqliteDatabase(database.url.slice('sqlite:'.length));
      const window = Date.now();
      let reads;
      try {
        other.exec('begin immediate');
        await sleep(1_000);
        // Writes wait for the lock without stopping the process: reads answer at once on both.
        const started = performance.now();
        reads = await Promise.all(
          bases.map(
            async (base) => (await fetch(`${base}/v2/pages/landing_page/launch/?auth_token=${tokens.read}`)).status,
          ),
        );
        reads.push(performance.now() - started < 1_000 ? 200 : 0);
        await sleep(5_500);
        other.exec('rollback');
      } finally {
        other.close();
      }
      expect(reads).toEqual([200, 200, 200]);
      const locked = load.since(window);
      expect(locked.filter((a) => a.method === 'POST' && a.status === 503).length).toBeGreaterThan(0);
      expect(locked.filter((a) => !acceptable(a))).toEqual([]);
      expect(await servingAgain(Date.now())).toBe(true);
      expect(alive()).toEqual([true, true]);
    });
  }

  it('never restarted a node, gave no other answer, and kept every acknowledged write', async () => {
    await load.stop();
    expect(children.map((c) => c.pid)).toEqual(pids);
    expect(alive()).toEqual([true, true]);
    expect(load.answers.filter((a) => !acceptable(a))).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThan(5);
    const stored = await brandNames(bases[0]!, tokens.read);
    expect(load.acknowledged.filter((name) => !stored.has(name))).toEqual([]);
  });
});
