import type { FastifyInstance } from 'fastify';
import { parseAuditFilter } from '../../audit/audit-filter.js';
import { listAudit } from '../../audit/list-audit.js';
import type { AppContext } from '../../http/context.js';
import { adminRoutes } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';

/**
 * Settings > Audit log (admin): the account's audit records, newest first, with the filters and
 * paging of GET /v2/audit/ (docs/admin-api.md, Audit log).
 */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/audit', {
    GET: {
      access: 'admin',
      async handle({ account, query }) {
        const filter = parseAuditFilter(query, ctx.clock());
        const pagination = parsePagination(query);
        const { records, count } = await listAudit(ctx.store.db, account.id, filter, pagination);
        return { body: { meta: listMeta(pagination, count), data: records } };
      },
    },
  });
}
