// `node bench/history-growth.js`: the storage history takes. One page of the benchmark's article
// type (about 1 KB of fields) is edited 1,000 times through Ghee's own write (writeEntry, as
// the API does it), and the versions table (rows and indexes) is measured before and after: on
// SQLite with the dbstat table, on PostgreSQL with pg_total_relation_size. The audit log, which
// gains one record per edit, is measured beside it. Needs `npm run build` first (it runs dist/).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createAccount } from '../dist/accounts/accounts.js';
import { importActor } from '../dist/audit/actor.js';
import { loadAccountSchema } from '../dist/content/account-schema.js';
import { applySchema } from '../dist/content/schema/apply-schema.js';
import { writeEntry } from '../dist/content/write/write-entry.js';
import { openStore } from '../dist/store/database.js';
import { migrateToLatest } from '../dist/store/migrate.js';
import { SCHEMA } from './dataset.js';

const EDITS = 1_000;
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOREM = 'Ghee keeps content in one place and serves it fast to every site that asks for it. ';
const BENCH = importActor('bench');

/** The page's fields at edit n: as the data set's pages, the headline and rank changed. */
const fields = (n) => ({
  headline: `Article edited ${n} times`,
  summary: LOREM.repeat(2),
  body: `<h2>Section</h2><p>${LOREM.repeat(8)}</p><p><a href="https://example.com/">more</a></p>`,
  rank: n,
  related: [],
});

/** Bytes of the tables (rows and indexes) of history, by name. */
const SIZES = {
  async sqlite(db) {
    const rows = await sql`select name, sum(pgsize) as bytes from dbstat
      where name in ('versions', 'versions_subject', 'versions_created', 'audit_log', 'audit_log_account', 'audit_log_at')
      group by name`.execute(db);
    const of = (names) => names.reduce((n, name) => n + Number(rows.rows.find((r) => r.name === name)?.bytes ?? 0), 0);
    return {
      versions: of(['versions', 'versions_subject', 'versions_created']),
      audit: of(['audit_log', 'audit_log_account', 'audit_log_at']),
    };
  },
  async postgres(db) {
    const size = async (table) =>
      Number((await sql`select pg_total_relation_size(${table}) as bytes`.execute(db)).rows[0].bytes);
    return { versions: await size('versions'), audit: await size('audit_log') };
  },
};

async function measure(name, url) {
  const store = openStore(url);
  try {
    await migrateToLatest(store);
    const account = await createAccount(store.db, { name: 'Growth', plan: 'enterprise' });
    await applySchema(store.db, account.id, SCHEMA, { allowDataLoss: false });
    const version = await store.db
      .selectFrom('accounts')
      .select('schema_version')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    const schema = await loadAccountSchema(store.db, account.id, version.schema_version);
    const type = schema.byKey.get('page_type:article');
    const write = (intent, n) =>
      writeEntry(
        store.db,
        schema,
        { type, intent, slug: 'grown', name: 'Grown', status: 'published', locales: { en: fields(n) } },
        { actor: BENCH },
      );
    await write('create', 0);
    const before = await SIZES[name](store.db);
    const started = Date.now();
    for (let n = 1; n <= EDITS; n++) await write('update', n);
    const seconds = (Date.now() - started) / 1000;
    const after = await SIZES[name](store.db);
    const count = await store.db
      .selectFrom('versions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return {
      database: name,
      versions: Number(count.n),
      fieldsBytes: JSON.stringify(fields(EDITS)).length,
      versionsGrowth: after.versions - before.versions,
      auditGrowth: after.audit - before.audit,
      seconds,
    };
  } finally {
    await store.close();
  }
}

async function postgresUrl() {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `ghee_growth_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = Object.assign(new URL(PG_ADMIN), { pathname: `/${name}` }).toString();
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const results = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-growth-'));
try {
  results.push(await measure('sqlite', `sqlite:${path.join(dir, 'ghee.db')}`));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const postgres = await postgresUrl();
if (postgres) {
  try {
    results.push(await measure('postgres', postgres.url));
  } finally {
    await postgres.drop();
  }
}
process.stdout.write(
  `| database | versions kept | versions table, per ${EDITS.toLocaleString('en')} edits | per edit | audit log, per ${EDITS.toLocaleString('en')} edits | ${EDITS.toLocaleString('en')} edits took |\n|---|---|---|---|---|---|\n`,
);
for (const r of results)
  process.stdout.write(
    `| ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.versions} | ${kb(r.versionsGrowth)} | ${Math.round(r.versionsGrowth / EDITS)} bytes (fields: ${r.fieldsBytes} bytes of JSON) | ${kb(r.auditGrowth)} | ${r.seconds.toFixed(1)} s |\n`,
  );
