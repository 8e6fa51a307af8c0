import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../src/accounts/tokens.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createServer } from '../src/server.js';
import type { Store } from '../src/store/database.js';
import { exportAccount, sha256 } from '../src/transfer/export-account.js';
import { importArchive } from '../src/transfer/import-archive.js';
import { parseArchive } from '../src/transfer/parse-archive.js';
import { DIALECTS, freshStore } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Imports are no way around the sanitiser: a crafted `ghee import` archive and a ButterCMS
// source that serves raw HTML both end up stored sanitised, and HTML past the limits stops the
// import with a message that says where it is.

const RAW =
  '<p onmouseover="steal()">Hi</p><script>alert(1)</script><a href="https://x.example/" target="_blank">x</a>';
const CLEAN = '<p>Hi</p><a href="https://x.example/" target="_blank" rel="noopener noreferrer">x</a>';
const PAGE = '/v2/pages/landing_page/about-us/';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-html-import-'));

describe.each(DIALECTS)('rich text of imports (%s)', (dialect) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** The demo account's archive with `edit` applied to its content, its checksums made to match. */
  async function craftedArchive(s: TestServer, edit: (content: { entries: any[]; posts: any[] }) => void) {
    const mediaDir = tmp();
    cleanups.push(() => fs.rmSync(mediaDir, { recursive: true, force: true }));
    const media = new LocalMediaStore(mediaDir, 'http://ghee.test');
    const { files } = await exportAccount(s.store.db, s.demo.id, media);
    const content = {
      entries: JSON.parse(files.get('entries.json')!.toString()),
      posts: JSON.parse(files.get('posts.json')!.toString()),
    };
    edit(content);
    files.set('entries.json', Buffer.from(JSON.stringify(content.entries)));
    files.set('posts.json', Buffer.from(JSON.stringify(content.posts)));
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    for (const name of ['entries.json', 'posts.json']) manifest.files[name] = sha256(files.get(name)!);
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    return { archive: parseArchive(files), media };
  }

  const aboutUs = (content: { entries: any[] }) => content.entries.find((e) => e.slug === 'about-us');

  it('sanitises the rich text of a crafted archive, in entries (nested too) and posts', async () => {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    const { archive, media } = await craftedArchive(s, (content) => {
      for (const v of aboutUs(content).versions)
        Object.assign(v.fields, { body: RAW, faq: [{ question: 'q', answer: RAW }] });
      for (const v of content.posts[0].versions) v.body = RAW;
    });
    await importArchive(s.store, archive, { accountId: s.demo.id, onConflict: 'replace', media });
    const fields = (await s.get(PAGE)).body.data.fields;
    expect([fields.body, fields.faq[0].answer]).toEqual([CLEAN, CLEAN]);
    const post = (await s.get(`/v2/posts/${archive.content.posts[0]!.slug}/?preview=1`)).body.data;
    expect(post.body).toBe(CLEAN);
  });

  it('stops at HTML past the limits, naming where it is, and restores no entry', async () => {
    const s = await demoServer(dialect);
    cleanups.push(() => s.close());
    const before = (await s.get(PAGE)).body.data.fields.body;
    let where = '';
    const { archive, media } = await craftedArchive(s, (content) => {
      const entry = aboutUs(content);
      const last = entry.versions.at(-1);
      last.fields.body = '<b>'.repeat(257);
      where = `entries.json: entry ${entry.id} (${last.locale}, ${last.channel})`;
    });
    await expect(
      importArchive(s.store, archive, { accountId: s.demo.id, onConflict: 'replace', media }),
    ).rejects.toThrow(
      `${where}, page_types.landing_page.fields.body: Ensure this HTML nests elements no more than 256 deep. Raise HTML_MAX_BYTES or HTML_MAX_DEPTH to import it.`,
    );
    expect((await s.get(PAGE)).body.data.fields.body).toBe(before);
  });

  it('sanitises what a ButterCMS source serves raw', async () => {
    // The source: a demo Ghee whose stored rich text was made raw behind its back.
    const source = await freshStore(dialect);
    const demo = await seedDemo(source);
    await rawFields(source);
    await source.db.updateTable('post_versions').set({ body: RAW }).execute();
    const config = loadConfig(
      {},
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: '/nonexistent',
        databaseUrl: 'unused',
        logLevel: 'silent',
        mediaDir: tmp(),
      },
    );
    const { app } = await createServer(config, { store: source, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(async () => {
      await app.close();
      await source.close();
    });
    expect(JSON.parse((await app.inject({ url: `${PAGE}?auth_token=${demo.read_token}` })).body).data.fields.body).toBe(
      RAW,
    );

    const target = await freshStore(dialect);
    const targetConfig = loadConfig(
      {},
      {
        databaseUrl: target.url,
        mediaDir: tmp(),
        publicUrl: 'http://ghee.test',
        dataDir: '/nonexistent',
        mediaFetchAllowPrivate: true,
        logLevel: 'silent',
      },
    );
    cleanups.push(() => target.close());
    const errors: string[] = [];
    const io = { out: () => {}, err: (t: string) => void errors.push(t), env: {}, config: targetConfig };
    const code = await main(
      [
        'import-butter',
        '--token',
        demo.read_token,
        '--base-url',
        `${url}/v2`,
        '--locales',
        'en',
        '--page-types',
        'landing_page',
        '--collections',
        'categories,brands',
        '--new-account',
        'Copy',
      ],
      io,
    );
    expect({ code, errors: errors.filter((e) => e.startsWith('ghee:')) }).toEqual({ code: 0, errors: [] });
    const account = await target.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const read = await createToken(target.db, account.id, 'read', 'test', new Date());
    const copy = (await createServer(targetConfig, { store: target, logger: false })).app;
    cleanups.push(() => copy.close());
    const get = async (u: string) =>
      JSON.parse((await copy.inject({ url: u, headers: { authorization: `Token ${read.token}` } })).body).data;
    expect((await get(PAGE)).fields.body).toBe(CLEAN);
    expect((await get('/v2/posts/?preview=1&page_size=100')).map((p: any) => p.body)).toEqual(
      expect.arrayContaining([CLEAN]),
    );
    expect((await get('/v2/posts/?preview=1&page_size=100')).every((p: any) => p.body === CLEAN)).toBe(true);
  });
});

/** Makes every landing page's `body` raw HTML in the store itself, bypassing the write path. */
async function rawFields(store: Store): Promise<void> {
  const versions = await store.db
    .selectFrom('entry_versions')
    .select(['entry_id', 'locale', 'channel', 'fields'])
    .execute();
  for (const v of versions) {
    const fields = JSON.parse(v.fields);
    if (!('body' in fields)) continue;
    fields.body = RAW;
    await store.db
      .updateTable('entry_versions')
      .set({ fields: JSON.stringify(fields) })
      .where('entry_id', '=', v.entry_id)
      .where('locale', '=', v.locale)
      .where('channel', '=', v.channel)
      .execute();
  }
}
