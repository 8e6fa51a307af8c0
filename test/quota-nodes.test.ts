// Two real `ghee serve` processes on one database meter one account. Each node flushes its counts
// every USAGE_FLUSH_MS and re-reads the total then, so the overshoot is bounded by what the other
// node admits in one interval (docs/quotas.md). The load comes in rounds of B calls per node, with
// a pause of two flush intervals between rounds, so the bound here is B.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { freePort, kill, spawnServe } from './helpers/process.js';

const LIMIT = 60;
const ROUND = 8;
const FLUSH_MS = 100;

describe.each(DIALECTS)('quota across two nodes (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let dataDir: string;
  afterAll(async () => {
    for (const child of children) await kill(child);
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the monthly limit within the documented overshoot', async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-nodes-'));
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(
      await main(
        ['account', 'create', '--name', 'Shared', '--plan', 'free', '--monthly-call-limit', String(LIMIT), '--json'],
        io,
      ),
    ).toBe(0);
    const { read_token: token, id } = JSON.parse(out[0]!) as { read_token: string; id: number };

    const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, USAGE_FLUSH_MS: String(FLUSH_MS) };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) children.push(await spawnServe(env, port));

    let admitted = 0;
    let blocked = 0;
    for (let round = 0; round < 20; round++) {
      const calls = ports.flatMap((port) =>
        Array.from({ length: ROUND }, () => fetch(`http://127.0.0.1:${port}/v2/pages/*/?auth_token=${token}`)),
      );
      for (const r of await Promise.all(calls)) {
        if (r.status === 200) admitted++;
        else if (r.status === 429) blocked++;
        await r.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 2 * FLUSH_MS));
    }
    expect(admitted + blocked).toBe(20 * 2 * ROUND);
    expect(admitted).toBeGreaterThanOrEqual(LIMIT);
    expect(admitted).toBeLessThanOrEqual(LIMIT + ROUND);

    // The database holds what was admitted, once the nodes have flushed.
    await new Promise((resolve) => setTimeout(resolve, 3 * FLUSH_MS));
    out.length = 0;
    expect(await main(['usage', '--account', String(id), '--json'], io)).toBe(0);
    const report = JSON.parse(out[0]!) as {
      calls: number;
      limit: number;
      remaining: number;
      plan: string;
      days: unknown[];
    };
    expect(report).toMatchObject({
      calls: admitted,
      limit: LIMIT,
      plan: 'free',
      remaining: Math.max(0, LIMIT - admitted),
    });
  });
});
