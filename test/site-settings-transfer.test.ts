import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { sha256 } from '../src/transfer/export-account.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `ghee export` / `ghee import` carry the account's site settings in settings.json: a copy's
// feeds link under the same site. Merging follows --on-conflict; an archive made before
// settings.json imports without it; a settings.json that fails the checks refuses the import.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });
const SITE = { site_url: 'https://www.example.com', feed_title: 'Source feed' };

describe.each(DIALECTS)('site settings in archives (%s)', (dialect) => {
  let source: TestServer;
  let target: TestServer;
  let archive: string;
  const dirs: string[] = [];
  beforeAll(async () => {
    source = await demoServer(dialect);
    target = await demoServer(dialect);
    archive = tmp();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  function tmp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-site-archive-'));
    dirs.push(dir);
    return path.join(dir, 'archive');
  }
  async function ghee(s: TestServer, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig(
        {},
        { databaseUrl: s.store.url, dataDir: '/nonexistent', mediaDir: s.ctx.config.mediaDir, logLevel: 'silent' },
      ),
    };
    return { code: await main(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const settingsOf = (s: TestServer, id: number) =>
    s.store.db.selectFrom('accounts').select(['site_url', 'feed_title']).where('id', '=', id).executeTakeFirstOrThrow();
  const setSite = async (s: TestServer, id: number, url: string, title: string) => {
    expect((await ghee(s, 'account', 'set-site', String(id), '--site-url', url, '--feed-title', title)).code).toBe(0);
  };
  /** Rewrites a file of an archive directory (or drops it: null), keeping the manifest's checksums true. */
  function rewrite(dir: string, name: string, content: string | null): void {
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (content === null) {
      fs.rmSync(path.join(dir, name));
      delete manifest.files[name];
    } else {
      fs.writeFileSync(path.join(dir, name), content);
      manifest.files[name] = sha256(Buffer.from(content));
    }
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  }
  function copyArchive(): string {
    const copy = tmp();
    fs.cpSync(archive, copy, { recursive: true });
    return copy;
  }
  const forgetImports = () => target.store.db.deleteFrom('import_progress').execute();

  it("export writes settings.json with the account's settings, listed in the manifest", async () => {
    await setSite(source, source.demo.id, SITE.site_url, SITE.feed_title);
    expect((await ghee(source, 'export', '--account', String(source.demo.id), '--out', archive)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(archive, 'settings.json'), 'utf8'))).toEqual(SITE);
    expect(JSON.parse(fs.readFileSync(path.join(archive, 'manifest.json'), 'utf8')).files['settings.json']).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it('an import into a new account carries them: its feeds link under the site and carry the title', async () => {
    const imported = await ghee(target, 'import', archive, '--new-account', 'Copy', '--json');
    expect(imported.code).toBe(0);
    const { account, read_token: token, steps } = JSON.parse(imported.stdout);
    expect(steps.settings).toBe('done');
    expect(await settingsOf(target, account)).toEqual(SITE);
    const channel = parser.parse((await target.get('/v2/feeds/rss/', token)).body.data).rss.channel;
    expect([channel.title, channel.link]).toEqual(['Source feed', 'https://www.example.com/blog/rss/']);
  });

  it('--on-conflict skip keeps a setting the account has and fills one it lacks', async () => {
    const id = target.demo.id;
    expect((await ghee(target, 'account', 'set-site', String(id), '--site-url', 'https://mine.example')).code).toBe(0);
    expect((await ghee(target, 'import', archive, '--account', String(id), '--on-conflict', 'skip')).code).toBe(0);
    expect(await settingsOf(target, id)).toEqual({ site_url: 'https://mine.example', feed_title: 'Source feed' });
  });

  it("--on-conflict replace takes the archive's; a setting the archive leaves unset stays", async () => {
    const id = target.demo.id;
    await setSite(target, id, 'https://mine.example', 'Mine');
    const partial = copyArchive();
    rewrite(partial, 'settings.json', JSON.stringify({ site_url: 'https://replaced.example/', feed_title: null }));
    await forgetImports();
    expect((await ghee(target, 'import', partial, '--account', String(id), '--on-conflict', 'replace')).code).toBe(0);
    expect(await settingsOf(target, id)).toEqual({ site_url: 'https://replaced.example', feed_title: 'Mine' });
  });

  it('an archive made before settings.json imports, changing no setting', async () => {
    const id = target.demo.id;
    const old = copyArchive();
    rewrite(old, 'settings.json', null);
    await forgetImports();
    const imported = await ghee(target, 'import', old, '--account', String(id), '--on-conflict', 'replace', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).steps.settings).toBe('done');
    expect(await settingsOf(target, id)).toEqual({ site_url: 'https://replaced.example', feed_title: 'Mine' });
  });

  it.for([
    [
      'an invalid site URL',
      { site_url: 'javascript:alert(1)', feed_title: 'x' },
      'settings.json: site_url: Enter an absolute http or https URL, such as https://www.example.com.',
    ],
    [
      'a title with a control character',
      { site_url: null, feed_title: 'a\u0007b' },
      'settings.json: feed_title: Control characters are not allowed.',
    ],
    ['no object', ['https://x.example'], 'settings.json must hold an object'],
  ] as const)('%s in settings.json refuses the import before anything is written', async ([, settings, text]) => {
    const id = target.demo.id;
    const bad = copyArchive();
    rewrite(bad, 'settings.json', JSON.stringify(settings));
    await forgetImports();
    const before = await target.store.db
      .selectFrom('post_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await ghee(target, 'import', bad, '--account', String(id), '--on-conflict', 'replace')).toEqual({
      code: 1,
      stdout: '',
      stderr: `importing ${bad} into account ${id}\n${text}`,
    });
    expect(await target.store.db.selectFrom('import_progress').selectAll().execute()).toEqual([]);
    expect(
      await target.store.db
        .selectFrom('post_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(await settingsOf(target, id)).toEqual({ site_url: 'https://replaced.example', feed_title: 'Mine' });
  });
});
