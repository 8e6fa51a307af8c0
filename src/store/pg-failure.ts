/**
 * How a PostgreSQL query failed, when the failure is the database's state rather than the query:
 * - `lost`: the connection broke (the server restarted or failed over, the backend was
 *   terminated, the network reset). The client is unusable and must be replaced.
 * - `timeout`: no answer in time (a silent server, no connection within the connect timeout).
 * - `busy`: the server refused the work for now (statement or lock timeout, too many connections,
 *   out of memory); the connection itself is fine.
 * - `full`: the server's disk is full.
 */
export type PgFailure = 'lost' | 'timeout' | 'busy' | 'full';

/** SQLSTATEs of a backend that went away: admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped, idle_session_timeout. */
const LOST_STATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05']);
/** query_canceled (Ghee cancels nothing itself: a statement timeout), lock_not_available, insufficient resources but disk. */
const BUSY_STATES = new Set(['57014', '55P03', '53000', '53200', '53300', '53400']);
/** Socket errors of a connection that broke or could not be made. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** The kind of failure, or null for an error of the query itself (a constraint, a syntax error). */
export function pgFailure(error: unknown): PgFailure | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code === '53100') return 'full';
    if (BUSY_STATES.has(code)) return 'busy';
    if (LOST_STATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return 'lost';
  }
  if (typeof message !== 'string') return null;
  // pg's own texts: a query read timeout, a connection not made in time, a pool with none free in time.
  if (
    /^Query read timeout|^timeout expired|timeout exceeded when trying to connect|due to connection timeout/.test(
      message,
    )
  )
    return 'timeout';
  if (/^Connection terminated|not queryable/.test(message)) return 'lost';
  return null;
}
