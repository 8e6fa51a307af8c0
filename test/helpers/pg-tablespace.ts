import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// A PostgreSQL test database whose files live in a folder of the test's choosing (a tablespace),
// so that a tiny file system the test fills up is a full disk for that database alone. Needs the
// server on this machine and root (to hand the folder to the postgres user).

export interface FullDiskPostgres {
  url: string;
  drop(): Promise<void>;
}

async function onAdmin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database stored under `dir` (through a new tablespace); `drop` removes both. */
export async function fullDiskPostgres(dir: string): Promise<FullDiskPostgres> {
  const suffix = randomBytes(6).toString('hex');
  const name = `ghee_test_${suffix}`;
  const space = `ghee_test_space_${suffix}`;
  const location = path.join(dir, 'pg');
  fs.mkdirSync(location);
  execFileSync('chown', ['postgres:postgres', location]);
  await onAdmin([`create tablespace ${space} location '${location}'`, `create database ${name} tablespace ${space}`]);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdmin([`drop database if exists ${name} with (force)`, `drop tablespace if exists ${space}`]),
  };
}
