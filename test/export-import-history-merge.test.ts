// History in archives (issue 19), the unhappy paths: an archive's history files are checked
// before anything is written and their rich text sanitised; imported again into an account
// that has it (--on-conflict skip or replace), history is not doubled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { auditOf, historyOf, trashOf } from './helpers/export-history-rows.js';
import { landingBody } from './helpers/landing-body.js';
import { ghee, rewrite } from './helpers/library-archive.js';
import { demoServer, type TestServer } from './helpers/server.js';

describe.each(DIALECTS)('history in archives: refusals and merges (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** The demo account with a page edited twice and a post deleted, exported into a directory. */
  async function exported(): Promise<{ s: TestServer; dir: string }> {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    expect((await s.send('POST', '/v2/pages/', landingBody('merged'))).status).toBe(202);
    const edit = { status: 'draft', fields: { headline: 'Merged, edited' } };
    expect((await s.send('PATCH', '/v2/pages/landing_page/merged/', edit)).status).toBe(202);
    expect((await s.send('POST', '/v2/posts/', postBody('gone-post'))).status).toBe(202);
    expect((await s.send('DELETE', '/v2/posts/gone-post/')).status).toBe(204);
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-history-merge-')), 'archive');
    cleanups.push(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const run = await ghee(s, 'export', '--account', String(s.demo.id), '--out', dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    return { s, dir };
  }

  const read = (dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const accounts = async (s: TestServer) => (await s.store.db.selectFrom('accounts').select('id').execute()).length;

  it.for([
    [
      'a version without its subject',
      'versions.json',
      (v: any[]) => [{ ...v[0], entry: null }, ...v.slice(1)],
      'versions.json: record 1 is not one Ghee could have written',
    ],
    [
      'a version of an unknown kind',
      'versions.json',
      (v: any[]) => [{ ...v[0], kind: 'widget' }],
      'versions.json: record 1 is not one Ghee could have written',
    ],
    [
      'a trash row whose snapshot is not one',
      'trash.json',
      (t: any[]) => [{ ...t[0], snapshot: { post: 'x' } }],
      'trash.json: record 1 is not one Ghee could have written',
    ],
    [
      'an audit record without its actor',
      'audit.json',
      (a: any[]) => [...a.slice(1), { ...a[0], actor: null }],
      /^audit\.json: record \d+ is not one Ghee could have written$/,
    ],
    ['a history file that is no list', 'audit.json', () => ({}), 'audit.json must hold a list'],
  ] as const)('refuses %s, before writing anything', async ([, file, change, message]) => {
    const { s, dir } = await exported();
    rewrite(dir, file, JSON.stringify((change as (x: any) => unknown)(read(dir, file))));
    const before = await accounts(s);
    const run = await ghee(s, 'import', dir, '--new-account', 'Refused');
    expect(run.code).toBe(1);
    // The refusal is the one line on stderr.
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(await accounts(s)).toBe(before);
  });

  it('refuses an archive with some history files but not all', async () => {
    const { s, dir } = await exported();
    rewrite(dir, 'audit.json', null);
    const run = await ghee(s, 'import', dir, '--new-account', 'Partial');
    expect([run.code, run.stderr]).toEqual([1, 'The archive is incomplete: audit.json is missing']);
  });

  it("sanitises the rich text of the archive's versions and trash", async () => {
    const { s, dir } = await exported();
    const versions = read(dir, 'versions.json');
    const page = versions.find((v: any) => v.entry !== null && v.slug === 'merged');
    page.fields.body = '<p>Kept</p><script>alert(1)</script>';
    rewrite(dir, 'versions.json', JSON.stringify(versions));
    const trash = read(dir, 'trash.json');
    trash[0].snapshot.versions[0].body = '<p onclick="alert(1)">Gone</p>';
    rewrite(dir, 'trash.json', JSON.stringify(trash));
    const run = await ghee(s, 'import', dir, '--new-account', 'Sanitised', '--json');
    expect(run.code).toBe(0);
    const { account } = JSON.parse(run.stdout);
    const [first] = await historyOf(s, account, 'page', 'merged');
    expect(JSON.parse(first!.fields).body).toBe('<p>Kept</p>');
    const [row] = await s.store.db.selectFrom('trash').select('snapshot').where('account_id', '=', account).execute();
    expect(JSON.parse(row!.snapshot).versions[0].body).toBe('<p>Gone</p>');
  });

  it('--on-conflict skip keeps the history the account has, without doubling trash or audit', async () => {
    const { s, dir } = await exported();
    const id = s.demo.id;
    const [versions, trash, audit] = [
      await historyOf(s, id, 'page', 'merged'),
      await trashOf(s, id),
      await auditOf(s, id),
    ];
    const run = await ghee(s, 'import', dir, '--account', String(id), '--on-conflict', 'skip');
    expect(run.code).toBe(0);
    expect(await historyOf(s, id, 'page', 'merged')).toEqual(versions);
    expect(await trashOf(s, id)).toEqual(trash);
    expect((await auditOf(s, id)).map((r) => r.action)).toEqual([...audit.map((r) => r.action), 'import']);
  });

  it("--on-conflict replace gives a replaced page the archive's history in place of its own", async () => {
    const { s, dir } = await exported();
    const id = s.demo.id;
    const archived = await historyOf(s, id, 'page', 'merged');
    const later = { status: 'draft', fields: { headline: 'After the export' } };
    expect((await s.send('PATCH', '/v2/pages/landing_page/merged/', later)).status).toBe(202);
    const trash = await trashOf(s, id);
    const run = await ghee(s, 'import', dir, '--account', String(id), '--on-conflict', 'replace');
    expect(run.code).toBe(0);
    const now = await historyOf(s, id, 'page', 'merged');
    const strip = (rows: typeof now) => rows.map(({ id: _id, ...r }) => r);
    expect(strip(now)).toEqual(strip(archived));
    expect(await trashOf(s, id)).toEqual(trash);
  });
});
