import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openStore, type Store } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { deletePost } from '../src/blog/write/delete-post.js';
import { cliActor } from '../src/audit/actor.js';

// `ghee trash list|restore|purge` (docs/api.md §12.2): the operator's side of the trash, acting
// as `cli:<system user>`.

describe.each(DIALECTS)('ghee trash (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let store: Store;
  let out: string[];
  let err: string[];
  let io: CliIo;
  const run = (...argv: string[]) => {
    out = [];
    err = [];
    return main(argv, io);
  };
  const json = () => JSON.parse(out.join('\n')) as any;
  const trashIds = async () => {
    expect(await run('trash', 'list', '--json')).toBe(0);
    return new Map<string, number>(json().map((r: { slug: string; trash_id: number }) => [r.slug, r.trash_id]));
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-trash-'));
    io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir, trashDays: 5 }),
    };
    expect(await run('seed', 'demo', '--json')).toBe(0);
    store = openStore(database.url);
    for (const slug of ['hello-world', 'what-is-ghee', 'golden-dal']) await deletePost(store.db, 1, slug, cliActor());
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the trash, as text and as JSON, by kind', async () => {
    expect(await run('trash', 'list')).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d+\tpost\tgolden-dal\t.+\tdeleted \S+ by cli:\S+\tpurged after \S+$/);
    expect(await run('trash', 'list', '--json')).toBe(0);
    const [row] = json();
    // TRASH_DAYS is 5 for this CLI: its deletes are kept five days.
    expect(Date.parse(row.purge_after) - Date.parse(row.deleted)).toBe(5 * 24 * 3600 * 1000);
    expect(await run('trash', 'list', '--kind', 'page')).toBe(0);
    expect(out).toEqual(['the trash is empty']);
    expect(await run('trash', 'list', '--kind', 'posts')).toBe(1);
    expect(err).toEqual(['kind should be page, item or post']);
  });

  it('restores a row by id, as the operator', async () => {
    const id = (await trashIds()).get('hello-world')!;
    expect(await run('trash', 'restore', '--account', '1', String(id))).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^post hello-world restored \(id \d+\)$/)]);
    expect((await trashIds()).has('hello-world')).toBe(false);
    const audit = await store.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'restore')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toMatch(/^cli:/);
    expect(await run('trash', 'restore', String(id))).toBe(1);
    expect(err).toEqual([`Account 1 has no trash row ${id}`]);
  });

  it('purges one row, then by age', async () => {
    const id = (await trashIds()).get('what-is-ghee')!;
    expect(await run('trash', 'purge', String(id), '--json')).toBe(0);
    expect(json()).toEqual({ purged: 1 });
    expect(await run('trash', 'purge', '--older-than', '1')).toBe(0);
    expect(out).toEqual(['0 purged from the trash of account 1']);
    expect(await run('trash', 'purge', '--older-than', '0', '--json')).toBe(0);
    expect(json()).toEqual({ purged: 1 });
    expect(await trashIds()).toEqual(new Map());
  });

  it.for([
    ['trash'],
    ['trash', 'empty'],
    ['trash', 'restore'],
    ['trash', 'purge'],
    ['trash', 'purge', '1', '--older-than', '3'],
    ['trash', 'list', '7'],
  ])('refuses %j with its usage, exit 2', async (argv) => {
    expect(await run(...argv)).toBe(2);
    expect(err.join('\n')).toMatch(/^usage: ghee trash list/);
  });

  it('refuses a malformed id or age', async () => {
    expect(await run('trash', 'restore', 'abc')).toBe(1);
    expect(err).toEqual(['Account 1 has no trash row abc']);
    expect(await run('trash', 'purge', '--older-than', 'week')).toBe(2);
    expect(err).toEqual(['--older-than takes a whole number, not "week"']);
  });
});
