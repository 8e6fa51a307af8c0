import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CreatedAccount } from '../../src/accounts/accounts.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

// The demo database every test server starts from, made once per run (global-setup.ts): migrated
// and seeded, then copied per server (a PostgreSQL `create database ... template`, a SQLite file
// copy) in a fraction of the time migrating and seeding take. Copies are byte for byte what a
// fresh seed makes, the demo's tokens included.

/** A demo database of the run: where it is (a file, or a database name) and what the seed answered. */
export interface DemoTemplate {
  location: string;
  demo: CreatedAccount;
}

/** The run's demo databases; PostgreSQL's is null without TEST_DATABASE_URL. */
export interface DemoTemplates {
  sqlite: DemoTemplate;
  postgres: DemoTemplate | null;
}

/** Makes the run's demo databases; `drop` removes them. */
export async function makeDemoTemplates(): Promise<{ templates: DemoTemplates; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-demo-template-'));
  const file = path.join(dir, 'ghee.db');
  const sqlite = { location: file, demo: await seedInto(`sqlite:${file}`) };
  const admin = process.env.TEST_DATABASE_URL;
  const name = `ghee_demo_${randomBytes(6).toString('hex')}`;
  let postgres: DemoTemplate | null = null;
  if (admin) {
    await adminQuery(admin, `create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    postgres = { location: name, demo: await seedInto(url.toString()) };
  }
  return {
    templates: { sqlite, postgres },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (admin) await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

async function seedInto(url: string): Promise<CreatedAccount> {
  const store = openStore(url);
  try {
    await migrateToLatest(store);
    return await seedDemo(store);
  } finally {
    await store.close();
  }
}

/** Runs one statement as the server's administrator (database creation cannot be in a transaction). */
export async function adminQuery(admin: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
