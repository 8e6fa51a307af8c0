import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePost } from '../src/blog/write/write-post.js';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { importActor } from '../src/audit/actor.js';

// `ghee category|tag list|delete` (issue 17 item 16): the blog's terms with their post counts, and
// deleting an unused one; one in use is refused (exit 1) and stays.

describe.each(DIALECTS)('ghee category and ghee tag (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let out: string[];
  let err: string[];
  let io: CliIo;
  const run = (...argv: string[]) => {
    out = [];
    err = [];
    return main(argv, io);
  };
  const json = () => JSON.parse(out.join('\n')) as unknown;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-terms-'));
    io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(await run('seed', 'demo', '--json')).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the categories with how many posts use each', async () => {
    expect(await run('category', 'list', '--json')).toBe(0);
    expect(json()).toEqual([
      { name: 'Kitchen science', slug: 'kitchen-science', posts: expect.any(Number) },
      { name: 'News', slug: 'news', posts: expect.any(Number) },
      { name: 'Recipes', slug: 'recipes', posts: expect.any(Number) },
    ]);
    expect((json() as { posts: number }[]).every((t) => t.posts > 0)).toBe(true);
    expect(await run('category', 'list', '--account', '1')).toBe(0);
    expect(out.join('\n')).toMatch(/^kitchen-science\tKitchen science\t\d+ posts?$/m);
  });

  it('refuses to delete a tag in use: exit 1, the reason, and the tag stays', async () => {
    expect(await run('tag', 'list', '--json')).toBe(0);
    const ghee = (json() as { slug: string; posts: number }[]).find((t) => t.slug === 'ghee')!;
    expect(await run('tag', 'delete', 'ghee')).toBe(1);
    expect(err).toEqual([`Cannot delete the tag "ghee": ${ghee.posts} posts use it. Take it off those posts first.`]);
    expect(await run('tag', 'list', '--json')).toBe(0);
    expect((json() as { slug: string }[]).map((t) => t.slug)).toContain('ghee');
  });

  it('deletes an unused tag', async () => {
    expect(await run('account', 'list', '--json')).toBe(0);
    const [account] = json() as { id: number }[];
    const store = openStore(database.url);
    try {
      await writePost(
        store.db,
        { accountId: account!.id, intent: 'create', input: { title: 'T', slug: 'left-behind', tags: ['Left behind'] } },
        { now: new Date(), actor: importActor('test fixture') },
      );
      await writePost(
        store.db,
        { accountId: account!.id, intent: 'update', slug: 'left-behind', input: { tags: [] } },
        { now: new Date(), actor: importActor('test fixture') },
      );
    } finally {
      await store.close();
    }
    expect(await run('tag', 'delete', 'left-behind', '--json')).toBe(0);
    expect(json()).toEqual({ name: 'Left behind', slug: 'left-behind', deleted: true });
    expect(await run('tag', 'list', '--json')).toBe(0);
    expect((json() as { slug: string }[]).map((t) => t.slug)).not.toContain('left-behind');
  });

  it.for([
    [['category', 'delete', 'no-such'], 1, 'Account 1 has no category with the slug "no-such"'],
    [['tag', 'delete', 'x', '--account', '9'], 1, 'No account with id 9'],
    [
      ['category', 'delete'],
      2,
      'usage: ghee category list [--account ID] [--json] | ghee category delete SLUG [--account ID] [--json]',
    ],
    [
      ['tag', 'list', 'extra'],
      2,
      'usage: ghee tag list [--account ID] [--json] | ghee tag delete SLUG [--account ID] [--json]',
    ],
    [['tag', 'remove', 'x'], 2, 'usage: ghee tag list'],
    [['category', 'list', '--colour'], 2, 'usage: ghee category list'],
  ] as [string[], number, string][])('ghee %j: exit %i', async ([argv, code, message]) => {
    expect(await run(...argv)).toBe(code);
    expect(err.join('\n').startsWith(message)).toBe(true);
    expect(out).toEqual([]);
  });
});
