import { DatabaseUnavailableError } from './database-unavailable.js';

/**
 * How long a write that holds this process's writer waits for another process (a second node, the
 * CLI, a backup) to release the file's write lock before it is refused with a 503.
 */
export const LOCK_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The refusal of a write that did not get the lock (or its turn) in time. */
export function lockWaitExpired(
  cause: unknown = new Error(`no write lock within ${LOCK_WAIT_MS} ms`),
): DatabaseUnavailableError {
  return new DatabaseUnavailableError('busy', { cause });
}

/**
 * Runs `attempt` (a statement that takes the file's write lock: `begin immediate`, or a write
 * outside a transaction) until it does not fail with SQLITE_BUSY, for at most LOCK_WAIT_MS. SQLite's own busy_timeout waits inside the synchronous call, which stopped the
 * whole process (every request, /healthz) while another process held the lock; here the wait is
 * between attempts and the process keeps serving. A busy attempt changed nothing, so trying again
 * is safe.
 */
export async function whileLocked<T>(attempt: () => T): Promise<T> {
  const deadline = performance.now() + LOCK_WAIT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return attempt();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw error;
      if (performance.now() >= deadline) throw lockWaitExpired(error);
      await sleep(pause);
    }
  }
}
