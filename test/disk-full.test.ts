// Writes on a full disk: the clear 507 `{"detail": ...}` instead of the generic 500, nothing of
// the write kept, reads still served, /readyz 503 "disk full" until a write commits again.
// SQLite: its own page limit (PRAGMA max_page_count on the writer, which makes SQLite fail exactly
// as on a full disk: SQLITE_FULL), and, where the test may mount, a real tiny tmpfs filled up,
// with a media upload too (no temp file left behind). PostgreSQL: the database in a tablespace on
// a tiny tmpfs (error 53100, disk_full). Where mounting is not allowed, only the page-limit case
// runs (said loudly below); CI runs as root and runs all.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease } from '../src/blog/scheduler/lease.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createServer } from '../src/server.js';
import { openStore } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { member } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, PUBLIC_URL } from './helpers/server.js';
import { canMount, mountTmpfs, type Tmpfs } from './helpers/tmpfs.js';
import { fullDiskPostgres, type FullDiskPostgres } from './helpers/pg-tablespace.js';

const FULL = 'The server is out of storage space, so nothing was saved. Please try again later.';
const MOUNTABLE = canMount();
if (!MOUNTABLE) {
  console.log(
    `\n${'!'.repeat(100)}\n[ghee tests] cannot mount a tmpfs (not root): disk-full tests run on SQLite's max_page_count only; the real full disk, media and PostgreSQL cases are NOT running (CI runs them as root).\n${'!'.repeat(100)}\n`,
  );
  if (process.env.CI) throw new Error('CI must be able to mount a tmpfs for test/disk-full.test.ts');
}

type Server = Awaited<ReturnType<typeof createServer>> & {
  demo: { id: number; read_token: string; write_token: string };
  close(): Promise<void>;
};

/** The real app on `databaseUrl` (migrated and seeded here), media in `mediaDir`, call counts never flushed. */
async function serverOn(databaseUrl: string, mediaDir: string): Promise<Server> {
  const store = openStore(databaseUrl);
  await migrateToLatest(store);
  const demo = await seedDemo(store);
  const config = loadConfig(
    {},
    {
      publicUrl: PUBLIC_URL,
      dataDir: '/nonexistent',
      databaseUrl: 'unused',
      logLevel: 'silent',
      mediaDir,
      usageFlushMs: 3_600_000,
    },
  );
  const server = await createServer(config, { store, logger: false });
  await server.app.ready();
  return { ...server, demo, close: async () => (await server.app.close(), await store.close()) };
}

async function call(s: Pick<Server, 'app' | 'demo'>, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const token = method === 'GET' ? s.demo.read_token : s.demo.write_token;
  const res = await s.app.inject({
    method,
    url,
    headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });
  return { status: res.statusCode, body: res.json() as unknown };
}

const brand = (name: string) => ({
  status: 'published',
  fields: [{ name, website: `https://${'w'.repeat(2000)}.example` }],
});

/** POSTs brands until one is refused; returns the answers (all 202 but the last). */
async function writeUntilRefused(s: Pick<Server, 'app' | 'demo'>, prefix: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const r = await call(s, 'POST', '/v2/content/brands/', brand(`${prefix}-${i}`));
    statuses.push(r.status);
    if (r.status !== 202) return { statuses, last: r, name: `${prefix}-${i}` };
  }
  throw new Error('the disk never filled');
}

async function readyz(s: Pick<Server, 'app'>) {
  const res = await s.app.inject({ method: 'GET', url: '/readyz' });
  return { status: res.statusCode, body: res.json() as unknown };
}

async function stored(s: Pick<Server, 'app' | 'demo'>, name: string): Promise<boolean> {
  const r = await call(s, 'GET', `/v2/content/brands/?fields.name=${encodeURIComponent(name)}`);
  return (r.body as { data: { brands: unknown[] } }).data.brands.length > 0;
}

/** Checks the full-disk state: the refusal, nothing kept, /readyz, reads still served. */
async function expectFull(s: Pick<Server, 'app' | 'demo'>, refused: Awaited<ReturnType<typeof writeUntilRefused>>) {
  expect(refused.last).toEqual({ status: 507, body: { detail: FULL } });
  expect(refused.statuses.slice(0, -1).every((st) => st === 202)).toBe(true);
  expect(await readyz(s)).toEqual({ status: 503, body: { status: 'disk full' } });
  expect((await call(s, 'GET', '/v2/pages/landing_page/launch/')).status).toBe(200);
  expect(await stored(s, refused.name)).toBe(false);
  expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
}

/** Checks that writes and readiness are back. */
async function expectBack(s: Pick<Server, 'app' | 'demo'>, name: string) {
  expect((await call(s, 'POST', '/v2/content/brands/', brand(name))).status).toBe(202);
  expect(await stored(s, name)).toBe(true);
  expect(await readyz(s)).toEqual({ status: 200, body: { status: 'ready' } });
}

describe.each(DIALECTS.filter((d) => d === 'sqlite'))('SQLite at its page limit (%s)', (dialect) => {
  let s: Awaited<ReturnType<typeof demoServer>>;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { usageFlushMs: 3_600_000 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 507 with nothing kept, /readyz 503 "disk full" while reads go on, and 202 once there is room', async () => {
    // Inside a transaction, so that the pragma runs on the writer connection (a pragma counts as a read).
    const limit = (pages: string) =>
      s.store.db.transaction().execute((trx) => sql.raw(`pragma max_page_count = ${pages}`).execute(trx));
    const [{ page_count: pages }] = (await sql<{ page_count: number }>`pragma page_count`.execute(s.store.db)).rows as [
      { page_count: number },
    ];
    await limit(String(pages + 2));
    await expectFull(s, await writeUntilRefused(s, 'limit'));
    await limit('1073741823');
    // The scheduler's lease renewal, a small write every 5 s on a serving node, is enough to clear it.
    await acquireLease(s.store.db, 'post-scheduler', 'disk-full-test', new Date(), 1_000);
    expect(await readyz(s)).toEqual({ status: 200, body: { status: 'ready' } });
    await expectBack(s, 'after-limit');
  });
});

describe.each(MOUNTABLE ? DIALECTS : [])('a real full disk (%s)', (dialect) => {
  let disk: Tmpfs;
  let pgDisk: FullDiskPostgres | null = null;
  let s: Server;
  let editor: Awaited<ReturnType<typeof member>>;
  beforeAll(async () => {
    disk = mountTmpfs(dialect === 'sqlite' ? 8 : 48)!;
    pgDisk = dialect === 'postgres' ? await fullDiskPostgres(disk.dir) : null;
    s = await serverOn(pgDisk ? pgDisk.url : `sqlite:${disk.dir}/ghee.db`, path.join(disk.dir, 'media'));
    editor = await member(s.app, s.store, s.demo.id, 'editor');
  });
  afterAll(async () => {
    await s?.close();
    await pgDisk?.drop();
    disk?.unmount();
  });

  const upload = async (bytes: Buffer) => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/admin/api/accounts/${s.demo.id}/media`,
      payload: bytes,
      headers: {
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': editor.csrf,
        'content-type': 'application/octet-stream',
      },
    });
    return { status: res.statusCode, body: res.json() as unknown };
  };
  /** A PNG (its signature is what decides the type) of 256 KB. */
  const png = (seed: number) =>
    Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(256 * 1024, seed)]);

  it('answers 507 to writes with nothing kept, /readyz 503 "disk full" while reads go on, and 202 once room is made', async () => {
    const filler = disk.fill();
    await expectFull(s, await writeUntilRefused(s, 'full'));
    fs.rmSync(filler);
    await expectBack(s, 'after-full');
  });

  it('answers 507 to a media upload on a full disk, leaving no partial file, and 201 once room is made', async () => {
    const filler = disk.fill();
    expect(await upload(png(7))).toEqual({ status: 507, body: { detail: FULL, code: 'storage_full' } });
    const mediaDir = path.join(disk.dir, 'media');
    expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : []).toEqual([]);
    fs.rmSync(filler);
    expect((await upload(png(7))).status).toBe(201);
  });
});
