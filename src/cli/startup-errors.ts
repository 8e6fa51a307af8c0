import path from 'node:path';
import type { Config } from '../config.js';
import { DatabaseUnavailableError } from '../store/database-unavailable.js';
import { maskedDatabaseUrl } from '../store/database-url.js';

// Start-up failures as one line naming the setting to fix and the path or address concerned
// (docs/operations.md, "Start-up errors"). main() prints them as `ghee: <message>`.

type Failure = Error & {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  severity?: unknown;
};

/** Socket errors of a server that could not be reached at all, in words. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
};

const LISTEN: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EACCES: 'permission denied: ports below 1024 need privileges',
  EADDRNOTAVAIL: 'no such address on this machine',
};

const DOING: Record<string, string> = {
  mkdir: 'create the folder',
  access: 'write in the folder',
  open: 'open',
  rename: 'write',
  chmod: 'change the mode of',
  stat: 'read',
};

/** A failure to open or migrate the configured database, naming DATABASE_URL (or DATA_DIR, whose ghee.db is the default). */
export function databaseStartupError(error: unknown, config: Config): Error {
  const root = rootCause(error);
  const setting = databaseSetting(config);
  if (isFsFailure(root)) return new Error(`${setting}: ${fsProblem(root)}`);
  if (config.databaseUrl.startsWith('sqlite:') && typeof root.code === 'string' && root.code.startsWith('SQLITE_')) {
    const file = path.resolve(config.databaseUrl.slice('sqlite:'.length));
    return new Error(`${setting}: cannot open the SQLite database ${file} (${root.code}: ${root.message})`);
  }
  if (!config.databaseUrl.startsWith('sqlite:')) {
    if (typeof root.code === 'string' && UNREACHABLE[root.code]) {
      return new Error(
        `${setting}: cannot connect to PostgreSQL at ${serverOf(config.databaseUrl, root)} (${UNREACHABLE[root.code]})`,
      );
    }
    if (/timeout exceeded when trying to connect|due to connection timeout|timeout expired/.test(root.message)) {
      return new Error(
        `${setting}: cannot connect to PostgreSQL at ${serverOf(config.databaseUrl, root)} (no answer in time)`,
      );
    }
    if (
      typeof root.severity === 'string' &&
      typeof root.code === 'string' &&
      /^(28|3D|08)|^57P03$|^53300$/.test(root.code)
    ) {
      return new Error(`${setting}: PostgreSQL refused the connection (${root.message})`);
    }
    // Anything else the store calls unavailable (a server that closes the connection at once, a
    // proxy in front of nothing) is still a server that cannot be used at that address.
    if (error instanceof DatabaseUnavailableError) {
      return new Error(`${setting}: cannot use PostgreSQL at ${serverOf(config.databaseUrl, root)} (${root.message})`);
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A failure to create or write in DATA_DIR (`ghee start` keeps the demo credentials there). */
export function dataDirError(error: unknown, config: Config): Error {
  const root = rootCause(error);
  return isFsFailure(root) ? new Error(`DATA_DIR ${config.dataDir}: ${fsProblem(root)}`) : root;
}

/** A failure to listen: the port taken or not allowed (PORT), an address this machine lacks (HOST); other errors as they are. */
export function listenError(error: unknown, config: Config): Error {
  const root = rootCause(error);
  // A HOST that does not resolve fails in getaddrinfo (so does a PostgreSQL host: told apart by name).
  const unresolvedHost = root.syscall === 'getaddrinfo' && (root as { hostname?: unknown }).hostname === config.host;
  if (root.syscall !== 'listen' && !unresolvedHost) return error instanceof Error ? error : root;
  const setting = root.code === 'EADDRINUSE' || root.code === 'EACCES' ? `PORT ${config.port}` : `HOST ${config.host}`;
  const words = LISTEN[String(root.code)] ?? UNREACHABLE[String(root.code)] ?? reason(root);
  return new Error(`${setting}: cannot listen on ${config.host}:${config.port} (${words})`);
}

function databaseSetting(config: Config): string {
  const byDefault = config.databaseUrl === `sqlite:${path.join(config.dataDir, 'ghee.db')}`;
  return byDefault ? `DATA_DIR ${config.dataDir}` : `DATABASE_URL ${maskedDatabaseUrl(config.databaseUrl)}`;
}

/** The innermost error: the store and the migrator wrap the driver's (`cause`). */
function rootCause(error: unknown): Failure {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++)
    current = current.cause;
  return (current instanceof Error ? current : new Error(String(current))) as Failure;
}

function isFsFailure(error: Failure): boolean {
  return typeof error.code === 'string' && typeof error.path === 'string' && typeof error.syscall === 'string';
}

/** `cannot create the folder /proc/x (ENOENT: no such file or directory)` */
function fsProblem(error: Failure): string {
  const syscall = String(error.syscall);
  return `cannot ${DOING[syscall] ?? syscall} ${String(error.path)} (${reason(error)})`;
}

/** `EACCES: permission denied` out of Node's `EACCES: permission denied, mkdir '/x'`. */
function reason(error: Failure): string {
  const text = error.message.split(', ')[0] ?? error.message;
  return typeof error.code === 'string' && !text.startsWith(error.code) ? `${error.code}: ${text}` : text;
}

function serverOf(url: string, error: Failure): string {
  if (typeof error.address === 'string' && error.port !== undefined) return `${error.address}:${String(error.port)}`;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || parsed.searchParams.get('host') || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'its host';
  }
}
