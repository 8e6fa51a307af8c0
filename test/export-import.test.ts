// `ghee export` and `ghee import` (issue 11): a round trip through an archive gives the same
// archive byte for byte (but the export's own timestamp), in a directory or a .tar.gz; a non-empty
// account is refused without --on-conflict; skip and replace; an interrupted import resumes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { readArchive } from '../src/transfer/archive-io.js';
import { importArchive } from '../src/transfer/import-archive.js';
import { parseArchive } from '../src/transfer/parse-archive.js';
import { unpackTar } from '../src/transfer/tar.js';
import { targetAccount } from '../src/transfer/target-account.js';
import { createTestDatabase, DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { addMedia } from './helpers/media-fixture.js';

interface Install {
  store: Store;
  io: CliIo & { stdout: string[]; stderr: string[] };
  mediaDir: string;
  run(...argv: string[]): Promise<number>;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-archive-'));

/**
 * Every file of an archive directory or .tar.gz, the manifest without its exported_at; and
 * without the audit log, which gains the records of the import itself (test/export-import-history.test.ts).
 */
async function comparable(archive: string): Promise<Record<string, string>> {
  const files = await readArchive(archive);
  const out: Record<string, string> = {};
  for (const [name, bytes] of files) {
    if (name === 'audit.json') continue;
    if (name !== 'manifest.json') out[name] = bytes.toString('base64');
    else {
      const { exported_at, files: sums, counts, ...rest } = JSON.parse(bytes.toString('utf8'));
      expect(exported_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      out[name] = JSON.stringify({ ...rest, files: { ...sums, 'audit.json': 0 }, counts: { ...counts, audit: 0 } });
    }
  }
  return out;
}

describe.each(DIALECTS)('export and import (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function install(): Promise<Install> {
    const database = await createTestDatabase(dialect);
    const store = openStore(database.url);
    await migrateToLatest(store);
    const mediaDir = tmp();
    cleanups.push(async () => {
      await store.close();
      await database.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = {
      stdout,
      stderr,
      env: {},
      out: (t: string) => void stdout.push(t),
      err: (t: string) => void stderr.push(t),
      config: loadConfig(
        {},
        { databaseUrl: database.url, mediaDir, publicUrl: 'http://ghee.test', dataDir: '/nonexistent' },
      ),
    };
    return { store, io, mediaDir, run: (...argv) => main(argv, io) };
  }

  async function demoInstall() {
    const source = await install();
    const demo = await seedDemo(source.store);
    await addMedia(source.store, demo.id, source.mediaDir);
    return { source, demo };
  }

  it('round-trips an account byte for byte, through a directory and a .tar.gz', async () => {
    const { source, demo } = await demoInstall();
    const dir = path.join(tmp(), 'export');
    const tgz = path.join(tmp(), 'export.tar.gz');
    expect(await source.run('export', '--account', String(demo.id), '--out', dir, '--json')).toBe(0);
    const summary = JSON.parse(source.io.stdout.pop()!);
    expect(summary.counts).toMatchObject({ entries: 10, posts: 12, authors: 2, categories: 3, tags: 5, media: 1 });
    expect(summary.counts.versions).toBeGreaterThan(20);
    expect(await source.run('export', '--account', String(demo.id), '--out', tgz)).toBe(0);
    // The archive holds both channels, both locales and the media file itself.
    const entries = JSON.parse(fs.readFileSync(path.join(dir, 'entries.json'), 'utf8'));
    const pricing = entries.find((e: any) => e.slug === 'pricing');
    expect(pricing.versions.map((v: any) => `${v.locale}/${v.channel}/${v.status}`)).toEqual([
      'en/latest/draft',
      'en/published/published',
      'es/latest/draft',
      'es/published/published',
    ]);
    expect(fs.readdirSync(path.join(dir, 'media'))).toHaveLength(1);
    // The tar holds the same files as the directory (tar is deterministic: sorted, mtime 0).
    expect([...unpackTar(gunzipSync(fs.readFileSync(tgz))).keys()]).toEqual([
      'audit.json',
      'authors.json',
      'categories.json',
      'entries.json',
      'manifest.json',
      'media.json',
      expect.stringMatching(/^media\/[0-9a-f]{64}\.png$/),
      'posts.json',
      'schema.json',
      'settings.json',
      'tags.json',
      'trash.json',
      'versions.json',
    ]);
    expect(await comparable(tgz)).toEqual(await comparable(dir));

    const target = await install();
    expect(await target.run('import', tgz, '--new-account', 'Restored')).toBe(0);
    const again = path.join(tmp(), 'again');
    expect(await target.run('export', '--out', again)).toBe(0);
    expect(await comparable(again)).toEqual(await comparable(dir));
    // Ids were free in the new install, so items kept theirs.
    const ids = (await target.store.db.selectFrom('entries').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(entries.map((e: any) => e.id));
  });

  it('refuses a non-empty account without --on-conflict; skip keeps, replace restores', async () => {
    const { source, demo } = await demoInstall();
    const dir = path.join(tmp(), 'export');
    expect(await source.run('export', '--account', String(demo.id), '--out', dir)).toBe(0);
    expect(await source.run('import', dir, '--account', String(demo.id))).toBe(1);
    expect(source.io.stderr.join('\n')).toMatch(
      /Account \d+ is not empty \(10 entries, 12 posts, 3 categories, 5 tags, 1 authors\); run again with --on-conflict skip or --on-conflict replace/,
    );

    // Change a page and a post, then merge the archive back in.
    await source.store.db.updateTable('entry_versions').set({ name: 'Changed' }).execute();
    await source.store.db.updateTable('post_versions').set({ title: 'Changed' }).execute();
    expect(await source.run('import', dir, '--account', String(demo.id), '--on-conflict', 'skip')).toBe(0);
    const names = await source.store.db.selectFrom('entry_versions').select('name').distinct().execute();
    expect(names).toEqual([{ name: 'Changed' }]);
    expect(
      await source.store.db
        .selectFrom('entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 10 });

    const other = path.join(tmp(), 'other');
    await source.store.db.deleteFrom('import_progress').execute();
    expect(await source.run('import', dir, '--account', String(demo.id), '--on-conflict', 'replace')).toBe(0);
    expect(await source.run('export', '--account', String(demo.id), '--out', other)).toBe(0);
    expect(await comparable(other)).toEqual(await comparable(dir));
  });

  it('resumes an interrupted import after the last committed kind', async () => {
    const { source, demo } = await demoInstall();
    const dir = path.join(tmp(), 'export');
    expect(await source.run('export', '--account', String(demo.id), '--out', dir)).toBe(0);

    const target = await install();
    const archive = parseArchive(await readArchive(dir));
    const account = await targetAccount(target.store.db, archive.source, { newAccount: 'Resumed' });
    const crash = importArchive(target.store, archive, {
      accountId: account.id,
      media: new LocalMediaStore(target.mediaDir, 'http://ghee.test'),
      afterStep: (step) => {
        if (step === 'terms') throw new Error('simulated interruption');
      },
    });
    await expect(crash).rejects.toThrow('simulated interruption');
    expect(await target.store.db.selectFrom('entries').selectAll().execute()).toEqual([]);

    expect(await target.run('import', dir, '--new-account', 'Resumed')).toBe(0);
    expect(target.io.stderr.join('\n')).toContain(`into account ${account.id}`);
    expect(target.io.stderr.join('\n')).toMatch(/terms: already done[\s\S]*entries: done/);
    const again = path.join(tmp(), 'again');
    expect(await target.run('export', '--out', again)).toBe(0);
    expect(await comparable(again)).toEqual(await comparable(dir));
    // A finished import run again changes nothing.
    expect(await target.run('import', dir, '--new-account', 'Resumed')).toBe(0);
    expect((await target.store.db.selectFrom('accounts').select('id').execute()).length).toBe(1);
  });
});
