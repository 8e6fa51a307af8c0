import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect/dialect.js';
import { postgresDialect } from './dialect/postgres.js';
import { sqliteDialect } from './dialect/sqlite.js';
import { GuardedPgPool } from './guarded-pg-pool.js';
import { BetterSqliteDialect } from './sqlite-kysely-dialect.js';
import { sqliteFailure } from './sqlite-failure.js';
import { prepareSqliteFile } from './sqlite-file.js';
import { StoreHealth } from './store-health.js';
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
  /** What the store's own work says of the database: a disk found full, lost connections. */
  health: StoreHealth;
  close(): Promise<void>;
}

// COUNT(*) and bigint columns come back from pg as strings; every count Ghee keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** How much of a SQLite file is read through memory-mapped pages. */
const MMAP_BYTES = 1024 ** 3;

export interface StoreOptions {
  /** Called with every query run (tests count queries with it). */
  onQuery?: (sql: string) => void;
  /**
   * PostgreSQL: the longest a statement may run, in milliseconds (0 or unset: no limit). Serving
   * processes set it (DATABASE_STATEMENT_TIMEOUT_MS); one-off CLI commands, migrations among them,
   * run without it.
   */
  statementTimeoutMs?: number;
}

/** PostgreSQL: the longest wait for a new connection to be made. */
const CONNECT_TIMEOUT_MS = 5_000;
/** PostgreSQL: the longest wait for one of the pool's connections to be free (as SQLite's writer queue). */
const POOL_WAIT_MS = 30_000;

/** Opens `sqlite:<file>` (created with its folder) or `postgres://...`. */
export function openStore(databaseUrl: string, options: StoreOptions = {}): Store {
  const log = options.onQuery ? (event: LogEvent) => options.onQuery!(event.query.sql) : undefined;
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const health = new StoreHealth();
    const pool = new GuardedPgPool(
      databaseUrl,
      {
        max: 10,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        poolWaitMs: POOL_WAIT_MS,
        statementTimeoutMs: options.statementTimeoutMs ?? 0,
      },
      health,
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log && { log }) });
    return { db, dialect: postgresDialect, health, close: () => db.destroy() };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') prepareSqliteFile(file);
    const writer = new SqliteDatabase(file);
    // WAL for concurrent readers; synchronous=FULL so an acknowledged write survives a power cut.
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    const reader = file === ':memory:' ? null : new SqliteDatabase(file, { readonly: true });
    // The writer never waits inside SQLite (that would stop the process): the dialect waits for
    // another process's write lock between attempts (sqlite-lock-wait.ts). A reader waits only
    // while a crashed writer's WAL is recovered.
    writer.pragma('busy_timeout = 0');
    reader?.pragma('busy_timeout = 5000');
    for (const connection of reader ? [writer, reader] : [writer]) {
      // Reads through memory-mapped pages rather than a read() per page missing from SQLite's
      // own 2 MB cache: a filtered list over 100,000 items runs twice as fast (bench/).
      connection.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    const health = new StoreHealth();
    const db = new Kysely<Database>({ dialect: new BetterSqliteDialect(writer, reader, health), ...(log && { log }) });
    const version = reader?.prepare('pragma data_version').pluck();
    const dataVersion =
      version &&
      (() => {
        try {
          return version.get() as number;
        } catch (error) {
          throw sqliteFailure(error, health); // read outside Kysely: the same errors as through it
        }
      });
    return { db, dialect: sqliteDialect, health, ...(dataVersion && { dataVersion }), close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, not "${databaseUrl.split(':')[0]}:"`);
}
