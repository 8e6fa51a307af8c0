// Acknowledged writes survive a crash: a real `ghee serve` process is killed with SIGKILL in the
// middle of a stream of writes; after a restart every write that got its 202 is there, and no
// write is half there (an entry without its versions, a version without its side rows, a change
// without its history version and audit record, or a record without its change).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { freePort, kill, spawnServe } from './helpers/process.js';

/** How many brands the demo content created (by the `demo` import, before the crash test's writes). */
async function demoBrandCount(store: ReturnType<typeof openStore>): Promise<number> {
  const rows = await store.db
    .selectFrom('audit_log')
    .select('target_id')
    .where('kind', '=', 'item')
    .where('actor_name', '=', 'demo')
    .where('detail', 'like', '%"brands"%')
    .execute();
  return rows.length;
}

describe.each(DIALECTS)('crash durability (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  let database: TestDatabase;
  let dataDir: string;
  afterAll(async () => {
    for (const child of children) await kill(child);
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and no partial one after SIGKILL', async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-crash-'));
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(await main(['seed', 'demo', '--json'], io)).toBe(0);
    const { write_token: token } = JSON.parse(out[0]!) as { write_token: string };

    const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
    const port = await freePort();
    const child = await spawnServe(env, port);
    children.push(child);

    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const name = `crash-${n}-${i}`;
        try {
          const r = await fetch(`http://127.0.0.1:${port}/v2/content/brands/`, {
            method: 'POST',
            headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'published', fields: [{ name, founded: i }] }),
          });
          if (r.status === 202) acknowledged.push(name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    await kill(child);
    stop = true;
    await Promise.all(writers);

    const restarted = await spawnServe(env, port);
    children.push(restarted);
    const names = new Set<string>();
    for (let page = 1; ; page++) {
      const r = await fetch(
        `http://127.0.0.1:${port}/v2/content/brands/?page_size=100&page=${page}&auth_token=${token}`,
      );
      const body = (await r.json()) as { meta: { next_page: number | null }; data: { brands: { name: string }[] } };
      for (const b of body.data.brands) names.add(b.name);
      if (!body.meta.next_page) break;
    }
    for (const name of acknowledged) expect(names.has(name), `${name} was acknowledged`).toBe(true);

    // No write is half there.
    const store = openStore(database.url);
    try {
      const orphans = await store.db
        .selectFrom('entries as e')
        .leftJoin('entry_versions as v', 'v.entry_id', 'e.id')
        .select('e.id')
        .where('v.entry_id', 'is', null)
        .execute();
      expect(orphans).toEqual([]);
      const unindexed = await store.db
        .selectFrom('entry_versions as v')
        .leftJoin('field_values as f', (j) =>
          j
            .onRef('f.entry_id', '=', 'v.entry_id')
            .onRef('f.locale', '=', 'v.locale')
            .onRef('f.channel', '=', 'v.channel'),
        )
        .select('v.entry_id')
        .where('f.entry_id', 'is', null)
        .execute();
      expect(unindexed).toEqual([]);
      // Each item's create kept exactly one history version and one audit record, by the token.
      const items = await store.db
        .selectFrom('entries as e')
        .innerJoin('content_types as t', 't.id', 'e.type_id')
        .select('e.id')
        .where('t.key', '=', 'brands')
        .execute();
      const ids = items.map((i) => i.id);
      const versions = await store.db
        .selectFrom('versions')
        .select(['subject_id', 'actor_type'])
        .where('kind', '=', 'item')
        .where('subject_id', 'in', ids)
        .execute();
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['target_id', 'actor_type'])
        .where('kind', '=', 'item')
        .where('target_id', 'in', ids.map(String))
        .execute();
      // The demo's brands have a version per locale (en, es); the crash test's one (the default).
      const created = ids.length - (await demoBrandCount(store));
      expect(versions.filter((v) => v.actor_type === 'token')).toHaveLength(created);
      expect(audit.filter((a) => a.actor_type === 'token')).toHaveLength(created);
      expect(new Set(versions.map((v) => v.subject_id))).toEqual(new Set(ids));
      expect(new Set(audit.map((a) => Number(a.target_id)))).toEqual(new Set(ids));
      const strays = await store.db
        .selectFrom('versions as h')
        .leftJoin('entries as e', 'e.id', 'h.subject_id')
        .select('h.subject_id')
        .where('h.kind', '!=', 'post')
        .where('e.id', 'is', null)
        .execute();
      expect(strays).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
