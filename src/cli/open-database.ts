import type { Config } from '../config.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { databaseStartupError } from './startup-errors.js';

/**
 * Opens the configured database and migrates it (returning the migrations applied), for a command. A database that cannot be
 * opened or reached is one error naming the setting, the path or the server (never a driver's
 * bare `ECONNREFUSED` or `unable to open database file`).
 */
export async function openDatabase(config: Config): Promise<{ store: Store; applied: string[] }> {
  let store: Store;
  try {
    store = openStore(config.databaseUrl);
  } catch (error) {
    throw databaseStartupError(error, config);
  }
  try {
    return { store, applied: await migrateToLatest(store) };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw databaseStartupError(error, config);
  }
}
