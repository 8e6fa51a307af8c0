import fs from 'node:fs';
import path from 'node:path';
import { listAccounts } from '../accounts/accounts.js';
import type { Config } from '../config.js';
import { restrictFile, writePrivateFile } from '../files/private-file.js';
import { seedDemo } from '../seed/seed-demo.js';
import type { Store } from '../store/database.js';
import { createFirstOwner } from '../users/first-owner.js';
import { dataDirError } from './startup-errors.js';

/** The demo account's tokens and the first owner's sign-in, as `ghee start` made them. */
export interface DemoCredentials {
  account_id: number;
  read_token: string;
  write_token: string;
  /** The dashboard's first owner, made with the demo (its password as generated then). */
  admin_email?: string;
  admin_password?: string;
}

/** The demo credentials, and whether this start made them (then, and only then, they are printed in full). */
export interface Demo {
  credentials: DemoCredentials;
  madeNow: boolean;
  /** Where they are kept, readable by this user only. */
  file: string;
}

/** Where `ghee start` keeps the demo account's credentials. */
export function credentialsFile(config: Config): string {
  return path.join(config.dataDir, 'demo-credentials.json');
}

/**
 * Seeds the demo account on an empty database and makes the first dashboard owner (also for a
 * data folder older than users); keeps what it made in DATA_DIR/demo-credentials.json (0600).
 * Null when the database has accounts but no credentials file (not a `ghee start` install).
 */
export async function ensureDemo(store: Store, config: Config): Promise<Demo | null> {
  const file = credentialsFile(config);
  let credentials: DemoCredentials | null = null;
  let madeNow = false;
  if ((await listAccounts(store.db)).length === 0) {
    const account = await seedDemo(store);
    credentials = { account_id: account.id, read_token: account.read_token, write_token: account.write_token };
    madeNow = true;
  } else if (fs.existsSync(file)) {
    credentials = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCredentials;
  }
  if (!credentials) return null;
  const owner = credentials.admin_email
    ? null
    : await createFirstOwner(store.db, credentials.account_id, 'owner@demo.invalid');
  if (owner)
    [credentials, madeNow] = [{ ...credentials, admin_email: owner.email, admin_password: owner.password }, true];
  try {
    if (madeNow) writePrivateFile(file, JSON.stringify(credentials, null, 2));
    // An older install wrote it with the umask's mode (0644 mostly).
    else restrictFile(file);
  } catch (error) {
    throw dataDirError(error, config);
  }
  return { credentials, madeNow, file };
}
