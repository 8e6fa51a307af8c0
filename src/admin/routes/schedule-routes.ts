import type { FastifyInstance } from 'fastify';
import { parseDateTime } from '../../blog/write/parse-date-time.js';
import { adminErrors } from '../../errors/index.js';
import type { AppContext } from '../../http/context.js';
import { listUpcoming } from '../../scheduling/list-upcoming.js';
import { isoMicro } from '../../time.js';
import { adminRoutes } from '../admin-routes.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The agenda's range: `from` (default now) to `to` (default 90 days on), at most 366 days. */
function agendaRange(query: Record<string, string>, now: Date): { from: string; to: string } {
  const from = query.from ? parseDateTime(query.from) : isoMicro(now);
  const to = query.to ? parseDateTime(query.to) : from && isoMicro(new Date(Date.parse(from) + 90 * DAY_MS));
  if (!from || !to || to <= from || Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw adminErrors.badRange();
  return { from, to };
}

/**
 * Content > Schedule (viewer): every publication and unpublication waiting in a time range,
 * pages, items and posts together, soonest first (docs/admin-api.md, Schedule).
 */
export function registerScheduleRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/schedule', {
    GET: {
      access: 'viewer',
      async handle(call) {
        const range = agendaRange(call.query, ctx.clock());
        const { data, truncated } = await listUpcoming(ctx.store.db, await call.schema(), range);
        return { body: { meta: { from: range.from, to: range.to, truncated }, data } };
      },
    },
  });
}
