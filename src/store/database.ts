import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect/dialect.js';
import { postgresDialect } from './dialect/postgres.js';
import { sqliteDialect } from './dialect/sqlite.js';
import { BetterSqliteDialect } from './sqlite-kysely-dialect.js';
import type { Database } from './tables.js';

/** An open database: the Kysely handle plus what differs by dialect. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * A number that moves whenever a connection other than the store's reader commits (SQLite's
   * `PRAGMA data_version`); absent where there is no such signal (PostgreSQL, in-memory SQLite).
   */
  dataVersion?: () => number;
  close(): Promise<void>;
}

// COUNT(*) and bigint columns come back from pg as strings; every count Ghee keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** How much of a SQLite file is read through memory-mapped pages. */
const MMAP_BYTES = 1024 ** 3;

export interface StoreOptions {
  /** Called with every query run (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

/** Opens `sqlite:<file>` (created with its folder) or `postgres://...`. */
export function openStore(databaseUrl: string, options: StoreOptions = {}): Store {
  const log = options.onQuery ? (event: LogEvent) => options.onQuery!(event.query.sql) : undefined;
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log && { log }) });
    return { db, dialect: postgresDialect, close: () => db.destroy() };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const writer = new SqliteDatabase(file);
    // WAL for concurrent readers; synchronous=FULL so an acknowledged write survives a power cut.
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    const reader = file === ':memory:' ? null : new SqliteDatabase(file, { readonly: true });
    for (const connection of reader ? [writer, reader] : [writer]) {
      connection.pragma('busy_timeout = 5000');
      // Reads through memory-mapped pages rather than a read() per page missing from SQLite's
      // own 2 MB cache: a filtered list over 100,000 items runs twice as fast (bench/).
      connection.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    const db = new Kysely<Database>({ dialect: new BetterSqliteDialect(writer, reader), ...(log && { log }) });
    const version = reader?.prepare('pragma data_version').pluck();
    return { db, dialect: sqliteDialect, ...(version && { dataVersion: () => version.get() as number }), close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, not "${databaseUrl.split(':')[0]}:"`);
}
