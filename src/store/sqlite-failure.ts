import { DatabaseUnavailableError } from './database-unavailable.js';
import { StorageFullError } from './storage-full.js';
import type { StoreHealth } from './store-health.js';

/**
 * The store's own error for a SQLite failure that is the machine's state rather than the query's,
 * else the error itself. SQLite rolls the transaction back in each of these cases, so nothing of
 * the failed write is kept:
 * - SQLITE_FULL (the disk is full; Linux's ENOSPC) is a StorageFullError, and the store's health
 *   says so until a write commits again;
 * - SQLITE_BUSY / SQLITE_LOCKED (another process held the write lock past busy_timeout) and
 *   SQLITE_IOERR (the file system failed a read or write) are a DatabaseUnavailableError.
 */
export function sqliteFailure(error: unknown, health: StoreHealth): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_FULL') {
    health.noteFull();
    return new StorageFullError('database', { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DatabaseUnavailableError('busy', { cause: error });
  if (code.startsWith('SQLITE_IOERR')) return new DatabaseUnavailableError('io', { cause: error });
  return error;
}
