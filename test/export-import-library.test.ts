// `ghee export` / `ghee import` carry the account's media library (issue 18): every file it lists
// (used by content or not) with its description in media.json, and every file the content uses;
// an import restores both, under --on-conflict; an archive made before media.json still imports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { describeLibrary, ghee, libraryOf, rewrite, type SavedFile } from './helpers/library-archive.js';
import { addMedia } from './helpers/media-fixture.js';
import { demoServer, type TestServer } from './helpers/server.js';

describe.each(DIALECTS)('the media library in archives (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function server(): Promise<TestServer> {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    return s;
  }
  function tmp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-library-archive-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, 'archive');
  }
  /** A described source account, exported into a directory. */
  async function exported() {
    const source = await server();
    const logo = await addMedia(source.store, source.demo.id, source.ctx.config.mediaDir);
    const files = await describeLibrary(source);
    const dir = tmp();
    const run = await ghee(source, 'export', '--account', String(source.demo.id), '--out', dir, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    return { source, files, logo: logo.slice('/media/'.length), dir, summary: JSON.parse(run.stdout) };
  }
  async function importInto(target: TestServer, dir: string, ...flags: string[]) {
    const run = await ghee(target, 'import', dir, ...flags, '--json');
    expect([run.code, run.stderr.split('\n').filter((l) => l.startsWith('ghee:'))]).toEqual([0, []]);
    return JSON.parse(run.stdout);
  }

  it('exports every file of the library with its description, and the files the content uses', async () => {
    const { files, logo, dir, summary } = await exported();
    const { described, unused, inBody, labelled } = files;
    expect(summary.counts.media).toBe(5);
    expect(summary.missing_media).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'media')).sort()).toEqual(
      [described.name, unused.name, inBody.name, labelled.name, logo].sort(),
    );
    const described_ = {
      name: described.name,
      original_name: 'cat.png',
      alt: 'A cat on a mat',
      caption: 'Our cat,\nasleep',
      tags: ['cats', 'pets'],
      focal_point: { x: 0.25, y: 0.75 },
      width: 1,
      height: 1,
      created: '2024-05-01T08:00:00.000000Z',
      updated: '2024-06-01T09:30:00.000000Z',
    };
    const unused_ = {
      name: unused.name,
      original_name: 'unused.jpg',
      alt: '',
      caption: 'Never shown',
      tags: [],
      focal_point: null,
      width: null,
      height: null,
      created: '2024-05-01T08:00:00.000000Z',
      updated: '',
    };
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'media.json'), 'utf8'))).toEqual(
      [described_, unused_].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toContain('media.json');
  });

  it('an import into another install restores the rows and the files, and exports the same archive', async () => {
    const { source, files, logo, dir } = await exported();
    const target = await server();
    const imported = await importInto(target, dir, '--new-account', 'Restored');
    expect(imported.steps).toMatchObject({ media: 'done', library: 'done' });
    expect(await libraryOf(target, imported.account)).toEqual(await libraryOf(source, source.demo.id));
    for (const file of [
      ...Object.values(files),
      { name: logo, bytes: await source.ctx.media.read(logo) },
    ] as SavedFile[])
      expect((await target.ctx.media.read(file.name))?.equals(file.bytes)).toBe(true);

    const again = tmp();
    expect((await ghee(target, 'export', '--account', String(imported.account), '--out', again)).code).toBe(0);
    // The same files, byte for byte; but entries.json and versions.json (the target's demo account
    // holds the ids), and audit.json (it gains the import's records).
    const checksums = (d: string) => {
      const {
        'entries.json': _ids,
        'versions.json': _v,
        'audit.json': _a,
        ...files
      } = JSON.parse(fs.readFileSync(path.join(d, 'manifest.json'), 'utf8')).files;
      return files;
    };
    expect(checksums(again)).toEqual(checksums(dir));
  });

  it('an archive made before media.json imports its files, listing none in the library', async () => {
    const { files, dir } = await exported();
    rewrite(dir, 'media.json', null);
    const target = await server();
    const imported = await importInto(target, dir, '--new-account', 'Old');
    expect(imported.steps.library).toBe('done');
    expect(await libraryOf(target, imported.account)).toEqual([]);
    expect((await target.ctx.media.read(files.unused.name))?.equals(files.unused.bytes)).toBe(true);
  });

  it('--on-conflict skip keeps a description the account has and lists what it lacks; replace takes the archive', async () => {
    const { source, files, dir } = await exported();
    const id = source.demo.id;
    const before = await libraryOf(source, id);
    await source.store.db
      .updateTable('media')
      .set({ alt: 'Changed', tags: '["new"]', focal_x: null, focal_y: null })
      .execute();
    await source.store.db.deleteFrom('media').where('name', '=', files.unused.name).execute();
    const changed = await libraryOf(source, id);

    await importInto(source, dir, '--account', String(id), '--on-conflict', 'skip');
    expect(await libraryOf(source, id)).toEqual(
      [...changed, before.find((r) => r.name === files.unused.name)].sort((a, b) => (a!.name < b!.name ? -1 : 1)),
    );

    await source.store.db.deleteFrom('import_progress').execute();
    await importInto(source, dir, '--account', String(id), '--on-conflict', 'replace');
    expect(await libraryOf(source, id)).toEqual(before);
  });

  it('leaves out, and names, a library file missing from the media store', async () => {
    const source = await server();
    const { unused, described } = await describeLibrary(source);
    fs.rmSync(path.join(source.ctx.config.mediaDir, unused.name));
    const dir = tmp();
    const run = await ghee(source, 'export', '--account', String(source.demo.id), '--out', dir, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `warning: media/${unused.name} is in the library or used by the content, but not in the media store; left out`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ missing_media: [unused.name], counts: { media: 3 } });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'media.json'), 'utf8')).map((r: any) => r.name)).toEqual([
      described.name,
    ]);
  });
});
