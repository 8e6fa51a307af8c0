import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { CreatedAccount } from '../../src/accounts/accounts.js';
import type { DemoTemplates } from './demo-template.js';

export type DialectUnderTest = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's demo databases, which test servers are copies of (test/helpers/global-setup.ts). */
    demoTemplates: DemoTemplates;
  }
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL names a server (CI always sets it). */
export const DIALECTS: DialectUnderTest[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database of its own: a temp SQLite file, or a fresh PostgreSQL database; empty, or a copy
 * of `template` (a SQLite file, or a PostgreSQL database no one is connected to).
 */
export async function createTestDatabase(dialect: DialectUnderTest, template?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-test-'));
    if (template) fs.copyFileSync(template, path.join(dir, 'ghee.db'));
    return {
      url: `sqlite:${path.join(dir, 'ghee.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `ghee_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A store on a test database, with its URL (so a second store, as another process would, can open it). */
export type TestStore = Store & { url: string };

/** A migrated store on a fresh database; `close` also drops the database. */
export async function freshStore(dialect: DialectUnderTest, options: StoreOptions = {}): Promise<TestStore> {
  const database = await createTestDatabase(dialect);
  const store = openStore(database.url, options);
  await migrateToLatest(store);
  return {
    ...store,
    url: database.url,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * A store on a copy of the run's demo database (demo-template.ts): migrated and seeded, with the
 * demo account the seed answered. `close` also drops the copy.
 */
export async function demoStore(
  dialect: DialectUnderTest,
  options: StoreOptions = {},
): Promise<{ store: TestStore; demo: CreatedAccount }> {
  const templates = inject('demoTemplates');
  const template = dialect === 'sqlite' ? templates.sqlite : templates.postgres!;
  const database = await createTestDatabase(dialect, template.location);
  const store = openStore(database.url, options);
  await migrateToLatest(store);
  const closing = async () => {
    await store.close();
    await database.drop();
  };
  return { store: { ...store, url: database.url, close: closing }, demo: structuredClone(template.demo) };
}
