import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../src/accounts/tokens.js';
import { main } from '../src/cli/main.js';
import { loadConfig, type Config } from '../src/config.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createServer } from '../src/server.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { readArchive } from '../src/transfer/archive-io.js';
import { butterLandingBody, butterLandingSchema } from './helpers/butter-landing.js';
import { createTestDatabase, DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { addMedia } from './helpers/media-fixture.js';

// Issue 17, item 1: `ghee export` then `ghee import` of an account whose pages nest repeaters
// (with media and references in their rows) inside picked components: the second export is the
// first byte for byte, and the Content API answers the same on both installs.

const PUBLIC_URL = 'http://ghee.test';
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-nested-'));

/** Every file of an archive, the manifest without its exported_at; but the audit log, which gains the import's records. */
async function comparable(archive: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of await readArchive(archive)) {
    if (name === 'audit.json') continue;
    if (name !== 'manifest.json') out[name] = bytes.toString('base64');
    else {
      const { files, counts, ...manifest } = JSON.parse(bytes.toString('utf8'));
      const audit = { files: { ...files, 'audit.json': 0 }, counts: { ...counts, audit: 0 } };
      out[name] = JSON.stringify({ ...manifest, ...audit, exported_at: undefined });
    }
  }
  return out;
}

describe.each(DIALECTS)('nested fields: export and import (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** A migrated database, a media folder, the CLI on them, and the app serving them. */
  async function install(): Promise<{
    store: Store;
    config: Config;
    mediaDir: string;
    run(...argv: string[]): Promise<number>;
    app(): Promise<FastifyInstance>;
  }> {
    const database = await createTestDatabase(dialect);
    const store = openStore(database.url);
    await migrateToLatest(store);
    const mediaDir = tmp();
    cleanups.push(async () => {
      await store.close();
      await database.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });
    const config = loadConfig(
      {},
      { databaseUrl: database.url, mediaDir, publicUrl: PUBLIC_URL, dataDir: '/nonexistent', logLevel: 'silent' },
    );
    const io = { out: () => {}, err: () => {}, env: {}, config };
    const app = async () => {
      const made = (await createServer(config, { store, logger: false })).app;
      cleanups.push(() => made.close());
      return made;
    };
    return { store, config, mediaDir, run: (...argv) => main(argv, io), app };
  }

  it('round-trips the sample landing page byte for byte, nested media and references included', async () => {
    const source = await install();
    const demo = await seedDemo(source.store);
    const icon = await addMedia(source.store, demo.id, source.mediaDir);
    const schemaFile = path.join(tmp(), 'schema.json');
    fs.writeFileSync(schemaFile, JSON.stringify(butterLandingSchema));
    expect(await source.run('schema', 'apply', '--account', String(demo.id), schemaFile)).toBe(0);

    const app = await source.app();
    const request = async (method: 'GET' | 'POST', url: string, token: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Token ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { payload: JSON.stringify(body) }),
      });
      return { status: res.statusCode, body: JSON.parse(res.body) };
    };
    const brands = (await request('GET', '/v2/content/brands/', demo.read_token)).body.data.brands.map(
      (b: { meta: { id: number } }) => b.meta.id,
    );
    const body = butterLandingBody(brands.slice(0, 2)) as { type: string; fields: Record<string, any> }[];
    for (const row of body[2]!.fields.features) row.icon = PUBLIC_URL + icon;
    const page = {
      title: 'Sample',
      slug: 'sample',
      page_type: 'landing-page',
      status: 'published',
      fields: { seo: { title: 'SEO en' }, body },
    };
    expect((await request('POST', '/v2/pages/', demo.write_token, page)).status).toBe(202);
    // A draft in the other locale, with fewer picked components.
    const es = await app.inject({
      method: 'PATCH',
      url: '/v2/pages/landing-page/sample/?locale=es',
      headers: { authorization: `Token ${demo.write_token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ status: 'draft', fields: { seo: { title: 'SEO es' }, body: body.slice(2) } }),
    });
    expect(es.statusCode).toBe(202);

    const dir = path.join(tmp(), 'export');
    expect(await source.run('export', '--account', String(demo.id), '--out', dir)).toBe(0);
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'schema.json'), 'utf8'));
    expect(schema.components.features.fields.features.type).toBe('repeater');
    expect(fs.readdirSync(path.join(dir, 'media'))).toEqual([icon.slice('/media/'.length)]);

    const target = await install();
    expect(await target.run('import', dir, '--new-account', 'Restored')).toBe(0);
    const again = path.join(tmp(), 'again');
    expect(await target.run('export', '--out', again)).toBe(0);
    expect(await comparable(again)).toEqual(await comparable(dir));

    // Both installs answer the same, nested references expanded alike.
    const restored = await target.app();
    const account = (await target.store.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id;
    const read = await createToken(target.store.db, account, 'read', 'test', new Date());
    for (const url of [
      '/v2/pages/landing-page/sample/?levels=3',
      '/v2/pages/landing-page/sample/?locale=es&preview=1&levels=2',
      '/v2/pages/landing-page/?levels=1',
    ]) {
      const want = await request('GET', url, demo.read_token);
      const got = await restored.inject({ method: 'GET', url, headers: { authorization: `Token ${read.token}` } });
      expect({ url, status: got.statusCode, body: JSON.parse(got.body) }).toEqual({ url, ...want });
    }
    const read2 = (await request('GET', '/v2/pages/landing-page/sample/?levels=2', demo.read_token)).body.data;
    expect(read2.fields.body[2].fields.features.map((f: { icon: string }) => f.icon)).toEqual([
      PUBLIC_URL + icon,
      PUBLIC_URL + icon,
      PUBLIC_URL + icon,
    ]);
    expect(
      read2.fields.body[3].fields.testimonial.map((t: { brand: { meta: { id: number } } }) => t.brand.meta.id),
    ).toEqual(brands.slice(0, 2));
  });
});
