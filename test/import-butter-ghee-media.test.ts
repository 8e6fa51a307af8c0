// `ghee import-butter` from another Ghee: its rich text keeps library images as relative
// `/media/...` paths (image tasks in front). They are the source's files: downloaded from the
// source's address, once, and pointed at the target's library behind the same tasks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { ButterSource } from '../src/migrate-butter/butter-client.js';
import { importButter } from '../src/migrate-butter/import-butter.js';
import { ProgressBar } from '../src/migrate-butter/progress-bar.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createServer } from '../src/server.js';
import { targetAccount } from '../src/transfer/target-account.js';
import { DIALECTS, freshStore, type DialectUnderTest } from './helpers/databases.js';
import { PNG } from './helpers/media-samples.js';
import { storeFields } from './helpers/reference-fixtures.js';
import { demoServer } from './helpers/server.js';

describe.each(DIALECTS)('import-butter from a Ghee: images of rich text (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** A demo Ghee on a socket whose pricing page shows a library image, resized, in its rich text. */
  async function sourceServer() {
    const store = await freshStore(dialect);
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-src-media-'));
    const demo = await seedDemo(store);
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: 'unused', logLevel: 'silent', mediaDir },
    );
    const { app } = await createServer(config, { store, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    config.publicUrl = url;
    cleanups.push(async () => {
      await app.close();
      await store.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });
    const { name } = await new LocalMediaStore(mediaDir, url).save(PNG, 'png', 'image/png');
    const body = `<p>Our logo <img src="/media/resize=width:100/${name}" srcset="/media/${name} 2x" alt="Logo" /></p>`;
    await storeFields(store, demo.id, 'page_type:landing_page', 'pricing', { body });
    return { url, token: demo.read_token, name };
  }

  it("downloads the source's /media/ images from the source and points them at the target's library", async () => {
    const source = await sourceServer();
    const target = await demoServer(dialect);
    cleanups.push(() => target.close());
    const baseUrl = `${source.url}/v2`;
    const account = await targetAccount(target.store.db, baseUrl, { newAccount: 'Copy' });
    const result = await importButter(target.store, {
      accountId: account.id,
      source: new ButterSource({ baseUrl, token: source.token }),
      sourceKey: baseUrl,
      plan: { locales: [{ param: 'en', target: 'en' }], pageTypes: ['landing_page'], collections: ['brands'] },
      ingestMedia: target.ctx.ingestMedia!,
      library: target.ctx.media,
      bar: new ProgressBar({ isTTY: false, write: () => {} }),
    });
    expect(result.notes.filter((n) => n.startsWith('media '))).toEqual([]);
    const page = await target.get('/v2/pages/landing_page/pricing/', account.created!.read_token);
    // Stored as `/media/...` paths, read back absolute under the target's PUBLIC_URL.
    const base = target.ctx.config.publicUrl;
    expect(page.body.data.fields.body).toBe(
      `<p>Our logo <img src="${base}/media/resize=width:100/${source.name}" srcset="${base}/media/${source.name} 2x" alt="Logo" /></p>`,
    );
    expect((await target.ctx.media.read(source.name))?.equals(PNG)).toBe(true);
    const rows = await target.store.db
      .selectFrom('media')
      .select(['name', 'original_name', 'alt', 'width', 'height'])
      .where('account_id', '=', account.id)
      .execute();
    expect(rows).toEqual([{ name: source.name, original_name: source.name, alt: 'Logo', width: 1, height: 1 }]);
  });
});
