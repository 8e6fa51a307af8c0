// `ghee import-butter` starts the history of what it copies (issue 19): each page, item and
// post gets a first version by the import, equal to what it stored, and one `create` record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createServer } from '../src/server.js';
import { DIALECTS, freshStore, type DialectUnderTest, type TestStore } from './helpers/databases.js';

describe.each(DIALECTS)('import-butter keeps a first version (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** The demo account served on an ephemeral port: the ButterCMS-compatible source. */
  async function sourceServer() {
    const store = await freshStore(dialect);
    const demo = await seedDemo(store);
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: 'unused', logLevel: 'silent' },
    );
    const { app } = await createServer(config, { store, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    config.publicUrl = url;
    cleanups.push(async () => {
      await app.close();
      await store.close();
    });
    return { url, token: demo.read_token };
  }

  /** Runs `ghee import-butter` of the source into a fresh database; the new account's id. */
  async function imported(store: TestStore, source: { url: string; token: string }): Promise<number> {
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-butter-history-'));
    cleanups.push(() => fs.rmSync(mediaDir, { recursive: true, force: true }));
    const config = loadConfig(
      {},
      { databaseUrl: store.url, mediaDir, publicUrl: 'http://ghee.test', dataDir: '/nonexistent', logLevel: 'silent' },
    );
    const stdout: string[] = [];
    const io = { out: (t: string) => void stdout.push(t), err: () => {}, env: {}, config };
    const argv = ['import-butter', '--token', source.token, '--base-url', `${source.url}/v2`];
    const scope = ['--locales', 'en,es', '--page-types', 'landing_page,*', '--collections', 'categories,brands'];
    expect(await main([...argv, ...scope, '--new-account', 'Copied', '--json'], io)).toBe(0);
    return JSON.parse(stdout.join('')).account;
  }

  it('records one version of each entry and post by import-butter, as stored, with its create record', async () => {
    const source = await sourceServer();
    const store = await freshStore(dialect);
    cleanups.push(() => store.close());
    const account = await imported(store, source);

    const entries = await store.db.selectFrom('entries').select('id').where('account_id', '=', account).execute();
    const posts = await store.db.selectFrom('posts').select('id').where('account_id', '=', account).execute();
    expect([entries.length, posts.length]).toEqual([10, 12]);
    const versions = await store.db
      .selectFrom('versions')
      .select(['kind', 'subject_id', 'locale', 'status', 'name', 'fields', 'actor_type', 'actor_name'])
      .where('account_id', '=', account)
      .orderBy('id')
      .execute();
    expect(new Set(versions.map((v) => `${v.actor_type}:${v.actor_name}`))).toEqual(new Set(['import:import-butter']));
    expect(new Set(versions.filter((v) => v.kind !== 'post').map((v) => v.subject_id))).toEqual(
      new Set(entries.map((e) => e.id)),
    );
    expect(
      versions
        .filter((v) => v.kind === 'post')
        .map((v) => v.subject_id)
        .sort((a, b) => a - b),
    ).toEqual(posts.map((p) => p.id).sort((a, b) => a - b));

    // The newest version of each entry and locale is what the entry holds.
    const latest = await store.db
      .selectFrom('entry_versions as v')
      .innerJoin('entries as e', 'e.id', 'v.entry_id')
      .select(['v.entry_id', 'v.locale', 'v.status', 'v.name', 'v.fields'])
      .where('e.account_id', '=', account)
      .where('v.channel', '=', 'latest')
      .execute();
    for (const row of latest) {
      const own = versions.filter((v) => v.subject_id === row.entry_id && v.locale === row.locale && v.kind !== 'post');
      expect(own.at(-1)).toMatchObject({ status: row.status, name: row.name, fields: row.fields });
    }

    const creates = await store.db
      .selectFrom('audit_log')
      .select(['kind', 'target_id', 'actor_name'])
      .where('account_id', '=', account)
      .where('action', '=', 'create')
      .execute();
    expect(
      creates
        .filter((r) => r.kind !== 'post')
        .map((r) => Number(r.target_id))
        .sort((a, b) => a - b),
    ).toEqual(entries.map((e) => e.id).sort((a, b) => a - b));
    expect(creates.filter((r) => r.kind === 'post')).toHaveLength(12);
    expect(new Set(creates.map((r) => r.actor_name))).toEqual(new Set(['import-butter']));
  });
});
