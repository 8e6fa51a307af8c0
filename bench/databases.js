// The databases a run measures, each holding the data set: built once per data-set version and
// size (building through the real operations takes minutes), then copied fresh for every run,
// so the run's own writes never reach the cached copy.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildDataset, DATASET_VERSION } from './dataset.js';

const DATA_DIR = fileURLToPath(new URL('data/', import.meta.url));
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'ghee_bench';

const sizeName = (size) => `${size.pages}_${size.items}_${size.posts}`;

/**
 * A SQLite database in `work` holding the data set. `cache` keeps the built file under
 * bench/data/ (the smoke builds its small one afresh).
 */
export async function sqliteDatabase(size, work, { cache, log }) {
  const target = path.join(work, 'ghee.db');
  if (!cache) return { url: `sqlite:${target}`, data: await buildDataset(`sqlite:${target}`, size, log) };
  const base = path.join(DATA_DIR, `dataset-v${DATASET_VERSION}_${sizeName(size)}`);
  if (!fs.existsSync(`${base}.db`) || !fs.existsSync(`${base}.json`)) {
    log(`building the SQLite data set once into bench/data/${path.basename(base)}.db (minutes)`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${base}.tmp.db${suffix}`, { force: true });
    const data = await buildDataset(`sqlite:${base}.tmp.db`, size, log);
    fs.renameSync(`${base}.tmp.db`, `${base}.db`);
    fs.writeFileSync(`${base}.json`, JSON.stringify(data, null, 2));
  }
  fs.copyFileSync(`${base}.db`, target);
  return { url: `sqlite:${target}`, data: JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) };
}

/**
 * The database `ghee_bench`, dropped and recreated from a template database that holds the
 * data set (`ghee_bench_v<version>_<sizes>`, built once, its tokens under bench/data/); null
 * when PostgreSQL is unreachable.
 */
export async function postgresDatabase(size, { log }) {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL not reachable at ${PG_ADMIN} (${error.message}): its figures are left out`);
    return null;
  }
  const at = (name) => Object.assign(new URL(PG_ADMIN), { pathname: `/${name}` }).toString();
  try {
    const version = (await admin.query('show server_version')).rows[0].server_version;
    const template = `ghee_bench_v${DATASET_VERSION}_${sizeName(size)}`;
    const meta = path.join(DATA_DIR, `${template}.json`);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount > 0;
    if (!exists || !fs.existsSync(meta)) {
      log(`building the PostgreSQL data set once into database ${template} (long: every write is a round trip)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.query(`create database ${template}`);
      const data = await buildDataset(at(template), size, log);
      fs.mkdirSync(DATA_DIR, { recursive: true });
      fs.writeFileSync(meta, JSON.stringify(data, null, 2));
    }
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await admin.query(`create database ${PG_DATABASE} template ${template}`);
    return { url: at(PG_DATABASE), data: JSON.parse(fs.readFileSync(meta, 'utf8')), version };
  } finally {
    await admin.end();
  }
}
