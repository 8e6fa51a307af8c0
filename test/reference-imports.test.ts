import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../src/accounts/tokens.js';
import { loadConfig, type Config } from '../src/config.js';
import { fitReferenceList } from '../src/content/write/reference-limits.js';
import { mediaIngester } from '../src/media/media-ingester.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { ButterSource } from '../src/migrate-butter/butter-client.js';
import { importButter } from '../src/migrate-butter/import-butter.js';
import { ProgressBar } from '../src/migrate-butter/progress-bar.js';
import { demoSchema } from '../src/seed/demo-schema.js';
import { exportAccount } from '../src/transfer/export-account.js';
import { importArchive } from '../src/transfer/import-archive.js';
import { parseArchive } from '../src/transfer/parse-archive.js';
import { targetAccount } from '../src/transfer/target-account.js';
import { withSchema, write } from './helpers/content.js';
import { DIALECTS, freshStore } from './helpers/databases.js';
import { bulkItems, storeFields } from './helpers/reference-fixtures.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Content stored before the write rules may repeat a target in a `many` list or hold more than
// 1000. The imports copy stored values without the write API, so they apply the list rules
// themselves (docs/migrate-from-buttercms.md): a repeat keeps its first place, a list its first 1000.

const thing = { type: 'reference', to: 'collection:things', many: true } as const;
const schema = {
  ...demoSchema,
  collections: { ...demoSchema.collections, things: { name: 'Things', fields: { name: { type: 'short_text' } } } },
  page_types: {
    ...demoSchema.page_types,
    shelf: {
      name: 'Shelf',
      fields: { title: { type: 'short_text' }, items: thing, rows: { type: 'repeater', fields: { picks: thing } } },
    },
  },
} as const;

describe('the list rule of the imports', () => {
  it('keeps the first place of a repeated target', () => {
    expect(fitReferenceList([3, 1, 3, 2, 1])).toEqual({ ids: [3, 1, 2], dropped: 2 });
  });

  it('keeps the first 1000 distinct targets of a longer list', () => {
    const ids = Array.from({ length: 1005 }, (_, i) => i + 1);
    expect(fitReferenceList([1, ...ids])).toEqual({ ids: ids.slice(0, 1000), dropped: 6 });
  });
});

describe.each(DIALECTS)('references through the imports (%s)', (dialect) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** The demo with `launch` naming pricing twice, as older installs may hold it. */
  async function source(config: Partial<Config> = {}): Promise<TestServer> {
    const s = await demoServer(dialect, { config });
    cleanups.push(() => s.close());
    const ids = await s.store.db
      .selectFrom('entries')
      .select(['id', 'slug'])
      .where('slug', 'in', ['pricing', 'about-us'])
      .execute();
    const id = (slug: string) => ids.find((r) => r.slug === slug)!.id;
    await storeFields(s.store, s.demo.id, 'page_type:landing_page', 'launch', {
      related: [id('pricing'), id('pricing'), id('about-us')],
    });
    return s;
  }

  it('an archive restores a repeated target once, and 6,000 references in rows', async () => {
    const s = await source();
    await withSchema(s.store, s.demo.id, schema);
    const things = await bulkItems(s.store, s.demo.id, 'things', 100, (i) => ({ name: `thing ${i}` }));
    await write(s.store, s.demo.id, 'page_type:shelf', {
      slug: 'long',
      name: 'Long',
      locale: 'en',
      status: 'published',
      fields: { title: 'Long' },
    });
    // 6,000 reference rows in one version: more than one insert can bind on SQLite.
    const rows = Array.from({ length: 60 }, (_, r) => ({ picks: [...things.slice(r), ...things.slice(0, r)] }));
    await storeFields(s.store, s.demo.id, 'page_type:shelf', 'long', {
      items: [things[1], things[0], things[1], ...things],
      rows,
    });

    const { files } = await exportAccount(s.store.db, s.demo.id, s.ctx.media);
    const archive = parseArchive(files);
    const account = await targetAccount(s.store.db, archive.source, { newAccount: 'Restored' });
    await importArchive(s.store, archive, { accountId: account.id, media: s.ctx.media });
    const read = await createToken(s.store.db, account.id, 'read', 'test', new Date());

    const shelf = await s.get('/v2/pages/shelf/long/?levels=2', read.token);
    expect(shelf.status).toBe(200);
    expect(shelf.body.data.fields.items.map((item: any) => item.name)).toEqual([
      'thing 1',
      'thing 0',
      ...Array.from({ length: 98 }, (_, i) => `thing ${i + 2}`),
    ]);
    expect(shelf.body.data.fields.rows.map((row: any) => [row.picks.length, row.picks[0].name])).toEqual(
      rows.map((_, r) => [100, `thing ${r}`]),
    );
    const launch = await s.get('/v2/pages/landing_page/launch/?levels=2', read.token);
    expect(launch.body.data.fields.related.map((p: any) => p.slug)).toEqual(['pricing', 'about-us']);
  });

  it('a ButterCMS import keeps a repeated target once, and says so, from a Ghee that pages small', async () => {
    // 6 nodes: a list of the landing pages at levels=1 is refused until it is asked for one by one.
    const s = await source({ answerMaxNodes: 6 });
    const url = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const target = await freshStore(dialect);
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-dst-media-'));
    cleanups.push(async () => {
      await target.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });
    const config = loadConfig(
      {},
      {
        databaseUrl: 'unused',
        mediaDir,
        publicUrl: 'http://ghee.test',
        dataDir: '/nonexistent',
        mediaFetchAllowPrivate: true,
        logLevel: 'silent',
      },
    );
    const baseUrl = `${url}/v2`;
    const account = await targetAccount(target.db, baseUrl, { newAccount: 'Copy' });
    const result = await importButter(target, {
      accountId: account.id,
      source: new ButterSource({ baseUrl, token: s.demo.read_token }),
      sourceKey: baseUrl,
      plan: {
        locales: [{ param: 'en', target: 'en' }],
        pageTypes: ['landing_page'],
        collections: ['categories', 'brands'],
      },
      ingestMedia: mediaIngester(config, new LocalMediaStore(mediaDir, 'http://ghee.test')),
      library: new LocalMediaStore(mediaDir, 'http://ghee.test'),
      bar: new ProgressBar({ isTTY: false, write: () => {} }),
    });
    // Once in the published version read, once in the preview one.
    expect(result.notes).toContain('2 reference(s) left out of lists that named a target twice or held more than 1000');
    expect(result.counts.entries).toBe(9); // four landing pages (a draft among them), two categories, three brands
    const launch = await target.db
      .selectFrom('entries as e')
      .innerJoin('entry_versions as v', 'v.entry_id', 'e.id')
      .select('v.fields')
      .where('e.slug', '=', 'launch')
      .where('v.channel', '=', 'published')
      .executeTakeFirstOrThrow();
    const slugs = await target.db.selectFrom('entries').select(['id', 'slug']).execute();
    const slugOf = (id: number) => slugs.find((r) => r.id === id)?.slug;
    expect(JSON.parse(launch.fields).related.map(slugOf)).toEqual(['pricing', 'about-us']);
  });
});
