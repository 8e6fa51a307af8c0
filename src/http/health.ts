import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { migrationsCurrent } from '../store/migrate.js';
import type { AppContext } from './context.js';
import { sendJson } from './send.js';

/**
 * `GET /healthz`: the process is up (no database work, for liveness probes).
 * `GET /readyz`: the database answers and its migrations are the ones this code knows; 503
 * otherwise, so a load balancer sends no traffic to a node that cannot serve.
 */
export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_request, reply) => sendJson(reply, 200, { status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    try {
      await sql`select 1`.execute(ctx.store.db);
      if (!(await migrationsCurrent(ctx.store))) return sendJson(reply, 503, { status: 'migrations pending' });
      return sendJson(reply, 200, { status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return sendJson(reply, 503, { status: 'database unreachable' });
    }
  });
}
