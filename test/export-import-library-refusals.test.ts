// media.json is checked as the library's own writes are, before an import writes anything: an
// archive is a file anyone could have written. Each refusal names the file and what is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { describeLibrary, ghee, libraryOf, rewrite } from './helpers/library-archive.js';
import { demoServer, type TestServer } from './helpers/server.js';

type Row = Record<string, unknown>;
/** Changes the rows of media.json (the described file first); NAME in a message is that file's name. */
type Edit = (rows: Row[]) => unknown;
const first =
  (change: (row: Row) => void): Edit =>
  (rows) => {
    change(rows[0]!);
    return rows;
  };

const CASES: [string, Edit, string][] = [
  ['a list', () => ({ files: [] }), 'media.json must hold a list'],
  ['objects', (rows) => [7, ...rows], 'media.json: item 0 must be an object'],
  ['a name', first((r) => delete r.name), 'media.json: item 0: names no file of the archive'],
  [
    'a file of the archive',
    first((r) => (r.name = `${'f'.repeat(64)}.png`)),
    `media.json: ${'f'.repeat(64)}.png: names no file of the archive`,
  ],
  ['a path', first((r) => (r.name = '../../etc/passwd')), 'media.json: ../../etc/passwd: names no file of the archive'],
  ['each file once', (rows) => [rows[0], rows[0]], 'media.json: NAME: is listed twice'],
  ['text alt', first((r) => (r.alt = 5)), 'media.json: NAME: alt must be text of at most 1000 characters'],
  ['no NUL', first((r) => (r.alt = 'a\u0000b')), 'media.json: NAME: alt must be text of at most 1000 characters'],
  [
    'a short caption',
    first((r) => (r.caption = 'c'.repeat(2001))),
    'media.json: NAME: caption must be text of at most 2000 characters',
  ],
  [
    'an original name',
    first((r) => (r.original_name = null)),
    'media.json: NAME: original_name must be text of at most 1000 characters',
  ],
  [
    'a list of tags',
    first((r) => (r.tags = 'cats')),
    'media.json: NAME: tags must be a list of at most 30 tags of 1 to 50 characters',
  ],
  [
    'no blank tag',
    first((r) => (r.tags = [' '])),
    'media.json: NAME: tags must be a list of at most 30 tags of 1 to 50 characters',
  ],
  [
    '30 tags at most',
    first((r) => (r.tags = Array.from({ length: 31 }, (_, i) => `t${i}`))),
    'media.json: NAME: tags must be a list of at most 30 tags of 1 to 50 characters',
  ],
  [
    'a focal point inside',
    first((r) => (r.focal_point = { x: 1.5, y: 0 })),
    'media.json: NAME: focal_point must be {"x": <0 to 1>, "y": <0 to 1>} or null',
  ],
  [
    'both coordinates',
    first((r) => (r.focal_point = { x: 0.5 })),
    'media.json: NAME: focal_point must be {"x": <0 to 1>, "y": <0 to 1>} or null',
  ],
  [
    'a focal point object',
    first((r) => delete r.focal_point),
    'media.json: NAME: focal_point must be {"x": <0 to 1>, "y": <0 to 1>} or null',
  ],
  ['a positive width', first((r) => (r.width = 0)), 'media.json: NAME: width must be a positive whole number or null'],
  [
    'a whole height',
    first((r) => (r.height = 1.5)),
    'media.json: NAME: height must be a positive whole number or null',
  ],
  ['a creation time', first((r) => (r.created = 'yesterday')), 'media.json: NAME: created must be a date and time'],
  ['a change time or ""', first((r) => (r.updated = 5)), 'media.json: NAME: updated must be a date and time, or ""'],
];

describe.each(DIALECTS)('media.json refusals (%s)', (dialect) => {
  let source: TestServer;
  let target: TestServer;
  let archive: string;
  let described = '';
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-library-refusal-'));
    dirs.push(dir);
    return path.join(dir, 'archive');
  };
  beforeAll(async () => {
    source = await demoServer(dialect);
    target = await demoServer(dialect);
    described = (await describeLibrary(source)).described.name;
    archive = tmp();
    expect((await ghee(source, 'export', '--account', String(source.demo.id), '--out', archive)).code).toBe(0);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.for(CASES)('wants %s, and writes nothing', async ([, edit, text]) => {
    const bad = tmp();
    fs.cpSync(archive, bad, { recursive: true });
    const rows = JSON.parse(fs.readFileSync(path.join(bad, 'media.json'), 'utf8')) as Row[];
    rows.sort((a, b) => (a.name === described ? -1 : b.name === described ? 1 : 0));
    rewrite(bad, 'media.json', JSON.stringify(edit(rows)));
    const id = target.demo.id;
    const files = fs.readdirSync(target.ctx.config.mediaDir);
    expect(await ghee(target, 'import', bad, '--account', String(id), '--on-conflict', 'replace')).toEqual({
      code: 1,
      stdout: '',
      stderr: `importing ${bad} into account ${id}\n${text.replace('NAME', described)}`,
    });
    expect(await target.store.db.selectFrom('import_progress').selectAll().execute()).toEqual([]);
    expect(await libraryOf(target, id)).toEqual([]);
    expect(fs.readdirSync(target.ctx.config.mediaDir)).toEqual(files);
  });

  it('ignores keys a newer Ghee may add', async () => {
    const extra = tmp();
    fs.cpSync(archive, extra, { recursive: true });
    const rows = JSON.parse(fs.readFileSync(path.join(extra, 'media.json'), 'utf8')) as Row[];
    rewrite(extra, 'media.json', JSON.stringify(rows.map((r) => ({ ...r, license: 'CC-BY' }))));
    const run = await ghee(target, 'import', extra, '--new-account', 'Newer', '--json');
    expect(run.code).toBe(0);
    const { account } = JSON.parse(run.stdout);
    expect((await libraryOf(target, account)).map((r) => r.name)).toEqual(rows.map((r) => r.name));
  });
});
