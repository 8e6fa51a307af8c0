import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { DatabaseUnavailableError } from './database-unavailable.js';
import { pgFailure } from './pg-failure.js';
import { StorageFullError } from './storage-full.js';
import type { StoreHealth } from './store-health.js';

/** How a pool connects and how long it lets PostgreSQL take; every field has a default in openStore. */
export interface PgPoolSettings {
  max: number;
  /** Longest wait for a new connection to be made, in milliseconds. */
  connectTimeoutMs: number;
  /** Longest wait for a connection of the pool to be free (all in use: a burst of work), in milliseconds. */
  poolWaitMs: number;
  /**
   * PostgreSQL's `statement_timeout` (and `idle_in_transaction_session_timeout`) in milliseconds;
   * 0 for none. The client gives up on a server that stopped answering 5 seconds after it.
   */
  statementTimeoutMs: number;
}

/** Extra wait past the statement timeout before a silent server's connection is given up. */
const SILENT_SERVER_MARGIN_MS = 5_000;

/**
 * pg's pool for Kysely, hardened against a database that goes away (docs/operations.md):
 * - a connection that breaks, idle or in use, is never an uncaught 'error' event (pg's default,
 *   which ended the process); a broken client is released as broken, so the pool opens a new one;
 * - a failure of the database's state (lost connection, timeout, busy, disk full) becomes a
 *   DatabaseUnavailableError or StorageFullError; any other error is the query's and passes as is;
 * - a read outside a transaction, or a `begin`, that failed on a lost connection runs once more on
 *   a fresh one: nothing was changed, and after a restart or `pg_terminate_backend` the first use
 *   of each pooled connection would otherwise fail. Writes are never retried: a write's
 *   transaction failed as a whole and the client decides.
 */
export class GuardedPgPool implements PostgresPool {
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    settings: PgPoolSettings,
    private readonly health: StoreHealth,
  ) {
    const timeouts = settings.statementTimeoutMs > 0 && {
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.statementTimeoutMs,
      query_timeout: settings.statementTimeoutMs + SILENT_SERVER_MARGIN_MS,
    };
    const { connectTimeoutMs } = settings;
    /** pg's pool has one timeout for both waits; its clients take the shorter one for connecting. */
    class BoundedClient extends pg.Client {
      constructor(config: pg.ClientConfig) {
        super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
      }
    }
    this.pool = new pg.Pool({
      connectionString: url,
      max: settings.max,
      connectionTimeoutMillis: settings.poolWaitMs,
      Client: BoundedClient as unknown as new () => pg.ClientBase,
      // Finds a dead peer on an idle connection (the pool also closes connections idle for 10 s).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...timeouts,
    });
    // An idle client whose connection broke: pg has already removed it from the pool.
    this.pool.on('error', (error) => this.health.onConnectionLost(error));
    // A client in use whose connection breaks between two queries: its next query fails and it is
    // released as broken. Without a listener this 'error' event would end the process.
    this.pool.on('connect', (client) => client.on('error', () => {}));
  }

  async connect(): Promise<PostgresPoolClient> {
    return new GuardedClient(this.pool, await checkOut(this.pool), this.health) as unknown as PostgresPoolClient;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    // Refused, timed out, too many connections, not accepting connections: no connection, no query.
    throw new DatabaseUnavailableError(pgFailure(error) === 'busy' ? 'busy' : 'unreachable', { cause: error });
  }
}

const BEGINS = /^\s*(begin|start transaction)\b/i;
const ENDS = /^\s*(commit|rollback)\s*$/i;
const READS = /^\s*select\b/i;

/** One checked-out connection as Kysely sees it (a connection, or one transaction from begin to end). */
class GuardedClient {
  private broken: Error | null = null;
  private inTransaction = false;
  private released = false;

  constructor(
    private readonly pool: pg.Pool,
    private client: pg.PoolClient | null,
    private readonly health: StoreHealth,
  ) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    if (typeof sql !== 'string') throw new Error('cursors are not supported');
    return this.run<R>(sql, parameters, true);
  }

  release(destroy?: boolean): void {
    if (this.released) return;
    this.released = true;
    this.client?.release(this.broken ?? destroy);
  }

  private async run<R>(
    sql: string,
    parameters: readonly unknown[],
    mayRetry: boolean,
  ): Promise<PostgresQueryResult<R>> {
    const wasInTransaction = this.inTransaction;
    if (ENDS.test(sql)) this.inTransaction = false;
    // A broken connection takes nothing more (after a read timeout, a rollback would queue behind
    // the unanswered query): the transaction's rollback is the server's, as the connection closes.
    if (this.broken) throw new DatabaseUnavailableError('unreachable', { cause: this.broken });
    try {
      this.client ??= await checkOut(this.pool);
      const result = (await this.client.query(sql, parameters as unknown[])) as unknown as PostgresQueryResult<R>;
      if (BEGINS.test(sql)) this.inTransaction = true;
      // A commit, or a write on its own, went through: if the disk was full, there is room again.
      else if (wasInTransaction ? result.command === 'COMMIT' : !READS.test(sql)) this.health.noteCommitted();
      return result;
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      const failure = pgFailure(error);
      if (failure === null) throw error;
      if (failure === 'full') {
        this.health.noteFull();
        throw new StorageFullError('database', { cause: error });
      }
      if (failure === 'busy') throw new DatabaseUnavailableError('busy', { cause: error });
      this.broken = error as Error;
      // Nothing was changed yet: a read on its own, or the begin of a transaction.
      if (failure === 'lost' && mayRetry && !wasInTransaction && (READS.test(sql) || BEGINS.test(sql))) {
        this.dropClient();
        return this.run<R>(sql, parameters, false);
      }
      throw new DatabaseUnavailableError('unreachable', { cause: error });
    }
  }

  /** Gives the broken connection back for the pool to close; the next query checks out a new one. */
  private dropClient(): void {
    this.client?.release(this.broken ?? true);
    this.client = null;
    this.broken = null;
  }
}
