import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { migrationsCurrent } from '../store/migrate.js';
import type { AppContext } from './context.js';
import { sendJson } from './send.js';

/** How long /readyz waits for the database before it answers that it is unreachable. */
const READY_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: the process is up (no database work, for liveness probes).
 * `GET /readyz`: the database answers within 2 s, its last write did not find the disk full, and
 * its migrations are the ones this code knows; 503 with the reason otherwise, so a load balancer
 * sends no traffic to a node that cannot serve (docs/operations.md). Nothing is cached: the answer
 * turns 200 again as soon as the database is back.
 */
export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_request, reply) => sendJson(reply, 200, { status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    try {
      await withinTime(sql`select 1`.execute(ctx.store.db), READY_TIMEOUT_MS);
      if (ctx.store.health.diskFull) return sendJson(reply, 503, { status: 'disk full' });
      if (!(await withinTime(migrationsCurrent(ctx.store), READY_TIMEOUT_MS)))
        return sendJson(reply, 503, { status: 'migrations pending' });
      return sendJson(reply, 200, { status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return sendJson(reply, 503, { status: 'database unreachable' });
    }
  });
}

/** The work's result, or a rejection once `ms` have passed (the work itself is left to finish). */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a late failure after the timeout must not become an unhandled rejection
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
