// `ghee export` / `ghee import` carry the history (issue 19): versions (new ids, restored_from
// following them), trash rows that can still be restored, and the audit log, with one record of
// the export and one of the import; `--no-history` and archives made before history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliActor } from '../src/audit/actor.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { ghee, rewrite } from './helpers/library-archive.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { auditOf, historyOf, trashOf } from './helpers/export-history-rows.js';

describe.each(DIALECTS)('export and import with history (%s)', (dialect: DialectUnderTest) => {
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-history-archive-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, 'archive');
  }

  /** The demo account with history: a page edited and restored, a post edited, a page and a post deleted. */
  async function source(): Promise<TestServer> {
    const s = await server();
    const ok = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      expect((await s.send(method, url, body)).status).toBe(method === 'DELETE' ? 204 : 202);
    await ok('POST', '/v2/pages/', landingBody('kept'));
    await ok('PATCH', '/v2/pages/landing_page/kept/', { status: 'draft', fields: { headline: 'Second' } });
    await ok('PATCH', '/v2/pages/landing_page/kept/', { status: 'draft', fields: { headline: 'Third' } });
    const [first] = await historyOf(s, s.demo.id, 'page', 'kept');
    const restore = await s.send('POST', `/v2/pages/landing_page/kept/versions/${first!.id}/restore/`, {});
    expect(restore.status).toBe(202);
    await ok('POST', '/v2/posts/', postBody('kept-post'));
    await ok('PATCH', '/v2/posts/kept-post/', { title: 'Kept post, edited' });
    await ok('POST', '/v2/pages/', landingBody('binned'));
    await ok('PATCH', '/v2/pages/landing_page/binned/', { fields: { headline: 'Binned, edited' } });
    await ok('DELETE', '/v2/pages/landing_page/binned/');
    await ok('POST', '/v2/posts/', postBody('binned-post'));
    await ok('DELETE', '/v2/posts/binned-post/');
    return s;
  }

  async function exportOf(s: TestServer, ...flags: string[]): Promise<string> {
    const dir = tmp();
    const run = await ghee(s, 'export', '--account', String(s.demo.id), '--out', dir, ...flags);
    expect([run.code, run.stderr]).toEqual([0, '']);
    return dir;
  }
  /** Imports into a new account; its id and tokens. */
  async function importInto(s: TestServer, dir: string, ...flags: string[]) {
    const run = await ghee(s, 'import', dir, '--new-account', 'Copy', ...flags, '--json');
    expect([run.code, run.stderr.split('\n').filter((l) => l.startsWith('ghee:'))]).toEqual([0, []]);
    return JSON.parse(run.stdout) as { account: number; read_token: string; write_token: string };
  }

  /** What a version is, without its id, in a form two installs can compare. */
  const portable = (rows: Awaited<ReturnType<typeof historyOf>>) => {
    const index = new Map(rows.map((r, i) => [r.id, i]));
    return rows.map(({ id: _id, restored_from, ...rest }) => ({
      ...rest,
      restored_from: restored_from === null ? null : (index.get(restored_from) ?? 'elsewhere'),
    }));
  };

  it('round-trips versions (content, authors, order, restored_from) into another install', async () => {
    const s = await source();
    const dir = await exportOf(s);
    const target = await server();
    const { account } = await importInto(target, dir);
    for (const [kind, slug] of [
      ['page', 'kept'],
      ['post', 'kept-post'],
      ['page', 'binned'],
      ['post', 'binned-post'],
    ] as const) {
      const before = await historyOf(s, s.demo.id, kind, slug);
      const after = await historyOf(target, account, kind, slug);
      expect(after.length).toBeGreaterThan(0);
      expect(portable(after)).toEqual(portable(before));
    }
    const kept = await historyOf(target, account, 'page', 'kept');
    // The restore's version names the first one, under its new id.
    expect(kept.map((v) => v.restored_from)).toEqual([null, null, null, kept[0]!.id]);
    expect(kept[0]).toMatchObject({ author_type: 'token', status: 'published' });
  });

  it('round-trips the trash: same rows, restorable in the other install with their history', async () => {
    const s = await source();
    const dir = await exportOf(s);
    const target = await server();
    const { account, read_token, write_token } = await importInto(target, dir);
    const shape = (rows: Awaited<ReturnType<typeof trashOf>>) => rows.map(({ id: _id, subject_id: _s, ...r }) => r);
    const trash = await trashOf(target, account);
    expect(shape(trash)).toEqual(shape(await trashOf(s, s.demo.id)));
    expect(trash.map((r) => r.slug)).toEqual(['binned', 'binned-post']);

    for (const row of trash) {
      const restored = await target.send('POST', `/v2/trash/${row.kind}/${row.id}/restore/`, {}, write_token);
      expect(restored.status).toBe(202);
    }
    const page = await target.get('/v2/pages/landing_page/binned/', read_token);
    expect(page.status).toBe(200);
    expect(page.body.data.fields.headline).toBe('Binned, edited');
    expect((await target.get('/v2/posts/binned-post/', read_token)).status).toBe(200);
    // The history the archive brought; the restore, identical to its newest version, adds none.
    const before = await historyOf(s, s.demo.id, 'page', 'binned');
    expect(before).toHaveLength(2);
    expect(portable(await historyOf(target, account, 'page', 'binned'))).toEqual(portable(before));
  });

  it('round-trips the audit log, and records the export and the import by the operator', async () => {
    const s = await source();
    const sourceLog = await auditOf(s, s.demo.id);
    const dir = await exportOf(s);
    const target = await server();
    const { account } = await importInto(target, dir);
    const operator = cliActor().name;
    const exported = (await auditOf(s, s.demo.id)).filter((r) => r.action === 'export');
    expect(exported.map((r) => [r.actor_type, r.actor_name, r.kind, r.target_id])).toEqual([
      ['user', operator, 'account', String(s.demo.id)],
    ]);
    const log = await auditOf(target, account);
    const key = (r: (typeof log)[number]) => [r.at, r.actor_type, r.actor_name, r.action, r.kind, r.target_slug];
    expect(log.filter((r) => sourceLog.some((o) => o.at === r.at && o.action === r.action)).map(key)).toEqual(
      sourceLog.map(key),
    );
    const imported = log.filter((r) => r.action === 'import');
    expect(imported.map((r) => [r.actor_name, r.kind, r.target_id])).toEqual([[operator, 'account', String(account)]]);
    expect(JSON.parse(imported[0]!.detail!)).toEqual({
      history: { versions: expect.any(Number), trash: 2, audit: sourceLog.length },
    });
  });

  it('leaves history out with --no-history; the import keeps one version of each entry and post', async () => {
    const s = await source();
    const dir = await exportOf(s, '--no-history');
    expect(fs.readdirSync(dir).filter((f) => /^(versions|trash|audit)\.json$/.test(f))).toEqual([]);
    const target = await server();
    const { account } = await importInto(target, dir);
    const kept = await historyOf(target, account, 'page', 'kept');
    expect(kept.map((v) => [v.author_type, v.author_name, v.restored_from])).toEqual([['import', 'import', null]]);
    expect(await historyOf(target, account, 'post', 'kept-post')).toHaveLength(1);
    expect(await trashOf(target, account)).toEqual([]);
    const creates = (await auditOf(target, account)).filter((r) => r.action === 'create');
    expect(new Set(creates.map((r) => r.actor_name))).toEqual(new Set(['import']));
  });

  it('imports without history when told, from an archive that has it', async () => {
    const s = await source();
    const dir = await exportOf(s);
    const target = await server();
    const { account } = await importInto(target, dir, '--no-history');
    expect(await historyOf(target, account, 'page', 'kept')).toHaveLength(1);
    expect(await trashOf(target, account)).toEqual([]);
  });

  it('imports an archive made before history, keeping one version of each entry', async () => {
    const s = await source();
    const dir = await exportOf(s);
    for (const file of ['versions.json', 'trash.json', 'audit.json']) rewrite(dir, file, null);
    const target = await server();
    const { account } = await importInto(target, dir);
    expect(await historyOf(target, account, 'post', 'kept-post')).toMatchObject([{ author_name: 'import' }]);
    expect((await historyOf(target, account, 'page', 'kept'))[0]).toMatchObject({ author_name: 'import' });
  });
});
