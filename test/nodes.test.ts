// Several Ghee processes on one database (issue 8): started together on an empty database they
// migrate once; a write through one is read through the other at once, even over a cached answer;
// concurrent writes through both are all acknowledged;
// killing one mid-load leaves the other serving and loses no acknowledged write; a node older
// than the database refuses to start.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { BIN, freePort, kill, spawnServe } from './helpers/process.js';

describe.each(DIALECTS)('several nodes on one database (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: number[];
  let token: string;
  let writeToken: string;
  afterAll(async () => {
    for (const child of children) await kill(child);
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const url = (port: number, p: string) => `http://127.0.0.1:${port}${p}`;

  it('migrates once when two nodes start together on an empty database, and both are ready', async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-nodes-'));
    env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
    ports = [await freePort(), await freePort()];
    children.push(...(await Promise.all(ports.map((port) => spawnServe(env, port)))));
    for (const port of ports) {
      const ready = await fetch(url(port, '/readyz'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      expect(await (await fetch(url(port, '/healthz'))).json()).toEqual({ status: 'ok' });
    }
    const store = openStore(database.url);
    try {
      const rows = await store.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      const names = rows.map((r) => (r as { name: string }).name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThanOrEqual(5);
    } finally {
      await store.close();
    }
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(await main(['seed', 'demo', '--json'], io)).toBe(0);
    ({ read_token: token, write_token: writeToken } = JSON.parse(out[0]!) as {
      read_token: string;
      write_token: string;
    });
  });

  it('shows a write through one node on the other at once, over its cached answer', async () => {
    const read = () => fetch(url(ports[1]!, `/v2/pages/landing_page/launch/?auth_token=${token}`));
    await read();
    const cached = await read();
    expect(cached.headers.get('x-ghee-cache')).toBe('hit');
    const write = await fetch(url(ports[0]!, '/v2/pages/landing_page/launch/'), {
      method: 'PATCH',
      headers: { authorization: `Token ${writeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { headline: 'Written on node A' } }),
    });
    expect(write.status).toBe(202);
    const after = await read();
    expect(after.headers.get('x-ghee-cache')).toBe('miss');
    expect(((await after.json()) as { data: { fields: { headline: string } } }).data.fields.headline).toBe(
      'Written on node A',
    );
  });

  it('takes concurrent writes through both nodes, every one acknowledged (SQLite: writers queue, none fails)', async () => {
    // Each update reads (the page, its references) before it writes: two processes interleaving those is
    // where a deferred SQLite transaction would fail instead of waiting.
    const results = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const r = await fetch(url(ports[i % 2]!, '/v2/pages/landing_page/pricing/'), {
          method: 'PATCH',
          headers: { authorization: `Token ${writeToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'published', fields: { headline: `Both ${i}`, related: ['launch'] } }),
        });
        return r.status;
      }),
    );
    expect(results).toEqual(Array(150).fill(202));
    const page = await fetch(url(ports[1]!, `/v2/pages/landing_page/pricing/?auth_token=${token}`));
    expect(((await page.json()) as { data: { fields: { headline: string } } }).data.fields.headline).toMatch(
      /^Both \d+$/,
    );
  });

  it('keeps serving on one node when the other is killed mid-load, losing no acknowledged write', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const port = ports[i % 2]!;
        const name = `node-${n}-${i}`;
        try {
          const r = await fetch(url(port, '/v2/content/brands/'), {
            method: 'POST',
            headers: { authorization: `Token ${writeToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'published', fields: [{ name }] }),
          });
          if (r.status === 202) acknowledged.push(name);
        } catch {
          // the killed node refuses: the next call goes to the other
        }
      }
    };
    const writers = [0, 1, 2].map(writer);
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 5));
    await kill(children[0]!);
    const before = acknowledged.length;
    while (acknowledged.length < before + 15) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await Promise.all(writers);
    const names = new Set<string>();
    for (let page = 1; ; page++) {
      const r = await fetch(url(ports[1]!, `/v2/content/brands/?page_size=100&page=${page}&auth_token=${token}`));
      expect(r.status).toBe(200);
      const body = (await r.json()) as { meta: { next_page: number | null }; data: { brands: { name: string }[] } };
      for (const b of body.data.brands) names.add(b.name);
      if (!body.meta.next_page) break;
    }
    for (const name of acknowledged) expect(names.has(name), name).toBe(true);
  });

  it('flushes its call counts when stopped with SIGTERM, and exits 0', async () => {
    const port = await freePort();
    const node = await spawnServe({ ...env, USAGE_FLUSH_MS: '3600000' }, port);
    children.push(node);
    const readCalls = async () => {
      const store = openStore(database.url);
      try {
        const rows = await store.db.selectFrom('api_usage').select('calls').execute();
        return rows.reduce((n, r) => n + r.calls, 0);
      } finally {
        await store.close();
      }
    };
    await new Promise((r) => setTimeout(r, 300));
    const before = await readCalls();
    for (let i = 0; i < 7; i++) await (await fetch(url(port, `/v2/pages/*/?auth_token=${token}`))).arrayBuffer();
    const exited = new Promise<number | null>((resolve) => node.once('exit', (code) => resolve(code)));
    node.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await readCalls()).toBe(before + 7);
  });

  it('refuses to start a node older than the database', async () => {
    const store = openStore(database.url);
    try {
      await store.db
        .insertInto('kysely_migration' as never)
        .values({ name: '999-from-the-future', timestamp: new Date().toISOString() } as never)
        .execute();
    } finally {
      await store.close();
    }
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...env, PORT: String(await freePort()) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(stderr).toContain('migrated by a newer version of Ghee');
  });
});
