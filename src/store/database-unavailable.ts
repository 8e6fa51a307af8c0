/** Why the database could not answer: no connection, too busy, or (SQLite) its file system failed. */
export type UnavailableReason = 'unreachable' | 'busy' | 'io';

/**
 * The database cannot answer right now: a connection was lost, refused or timed out (PostgreSQL
 * restarting, failing over, unreachable), it was too busy (a statement timeout, SQLite's write
 * lock held past busy_timeout), or its file system failed an I/O. Raised by the store so that
 * callers need not know drivers; the HTTP boundary answers 503 with Retry-After. The failed
 * statement's transaction did not commit, save for a commit whose acknowledgement was lost on the
 * way back (docs/operations.md).
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    options: { cause: unknown },
  ) {
    super(
      `database ${reason}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
    this.name = 'DatabaseUnavailableError';
  }
}
