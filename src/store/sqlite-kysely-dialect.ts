import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { DatabaseUnavailableError } from './database-unavailable.js';
import { sqliteFailure } from './sqlite-failure.js';
import { whileLocked } from './sqlite-lock-wait.js';
import { WriterQueue } from './sqlite-writer-queue.js';
import type { StoreHealth } from './store-health.js';

type Statement = SqliteDatabase.Statement<unknown[], unknown>;

/** Distinct SQL texts kept prepared per connection (lists of `in (?, ?, ...)` vary in length). */
const MAX_STATEMENTS = 500;

/**
 * Kysely over better-sqlite3, in place of Kysely's own SqliteDialect, for three reasons that
 * cost most of a cached read's time under load (bench/RESULTS.md):
 * - Kysely prepares every statement anew; here each connection keeps its statements prepared.
 * - Kysely serialises every query, reads included, behind one mutex whose waiters all wake on
 *   each release; here reads outside a transaction go to a second, read-only connection (WAL
 *   lets it read the last commit while a transaction is open) and never wait.
 * - What must wait (a transaction, or a write outside one) waits in a FIFO queue that hands the
 *   writer connection to exactly one waiter (for at most QUEUE_WAIT_MS), then for the file's lock
 *   if another process holds it (at most LOCK_WAIT_MS, without blocking the event loop:
 *   sqlite-lock-wait.ts); a write that waited too long is refused (a 503).
 * An in-memory database cannot be opened twice, so there reads share the writer and its queue.
 * A full disk, a busy lock or an I/O error becomes the store's own error (sqlite-failure.ts).
 */
export class BetterSqliteDialect implements Dialect {
  constructor(
    private readonly writer: SqliteDatabase.Database,
    private readonly reader: SqliteDatabase.Database | null,
    private readonly health: StoreHealth,
  ) {}

  createDriver(): Driver {
    return new BetterSqliteDriver(this.writer, this.reader, this.health);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

/** Prepared statements of one connection, least recently used dropped first. */
class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: SqliteDatabase.Database) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

function run(statements: StatementCache, query: CompiledQuery): QueryResult<unknown> {
  const statement = statements.get(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class BetterSqliteDriver implements Driver {
  private readonly queue = new WriterQueue();
  private readonly writerStatements: StatementCache;
  private readonly readerStatements: StatementCache | null;

  constructor(
    private readonly writer: SqliteDatabase.Database,
    private readonly reader: SqliteDatabase.Database | null,
    private readonly health: StoreHealth,
  ) {
    this.writerStatements = new StatementCache(writer);
    this.readerStatements = reader && new StatementCache(reader);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(this.queue, this.writer, this.writerStatements, this.readerStatements, this.health);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Connection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Connection).end('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Connection).release();
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }
}

/** What Kysely holds for one query, or for one transaction from begin to commit or rollback. */
class Connection implements DatabaseConnection {
  private holdsWriter = false;

  constructor(
    private readonly queue: WriterQueue,
    private readonly writer: SqliteDatabase.Database,
    private readonly writerStatements: StatementCache,
    private readonly readerStatements: StatementCache | null,
    private readonly health: StoreHealth,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return (await this.execute(query)) as QueryResult<R>;
    } catch (error) {
      throw sqliteFailure(error, this.health);
    }
  }

  private async execute(query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (this.holdsWriter) return run(this.writerStatements, query);
    if (this.readerStatements) {
      const statement = this.readerStatements.get(query.sql);
      if (statement.readonly) return run(this.readerStatements, query);
    }
    // A write outside a transaction (or any query without a reader) waits for open transactions.
    await this.queue.acquire();
    try {
      const result = await this.locking(() => run(this.writerStatements, query));
      // A write on its own (with or without `returning`) committed: there is room again.
      if (!this.writerStatements.get(query.sql).readonly) this.health.noteCommitted();
      return result;
    } finally {
      this.queue.release();
    }
  }

  async begin(): Promise<void> {
    await this.queue.acquire();
    this.holdsWriter = true;
    try {
      // Immediate: the write lock is taken (waiting up to LOCK_WAIT_MS) before the first read, so
      // two processes writing one file queue up instead of one failing when it turns to writing.
      await this.locking(() => run(this.writerStatements, CompiledQuery.raw('begin immediate')));
    } catch (error) {
      this.release();
      throw sqliteFailure(error, this.health);
    }
  }

  /** Takes the file's write lock with `attempt`; when another process kept it too long, the writes queued here are refused too. */
  private async locking<T>(attempt: () => T): Promise<T> {
    try {
      return await whileLocked(attempt);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) this.queue.refuseWaiting(error);
      throw error;
    }
  }

  /** A failed commit keeps the writer: Kysely rolls back next, and only then is it handed on. */
  end(command: 'commit' | 'rollback'): void {
    if (command === 'commit') {
      try {
        run(this.writerStatements, CompiledQuery.raw('commit'));
      } catch (error) {
        throw sqliteFailure(error, this.health);
      }
      this.health.noteCommitted();
      this.release();
      return;
    }
    try {
      // SQLite may have rolled back already (a failed commit, an I/O error).
      if (this.writer.inTransaction) run(this.writerStatements, CompiledQuery.raw('rollback'));
    } finally {
      this.release();
    }
  }

  release(): void {
    if (!this.holdsWriter) return;
    this.holdsWriter = false;
    this.queue.release();
  }

  // eslint-disable-next-line require-yield
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not supported on SQLite');
  }
}
