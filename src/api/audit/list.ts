import { parseAuditFilter } from '../../audit/audit-filter.js';
import { listAudit } from '../../audit/list-audit.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { listMeta, parsePagination } from '../params.js';

/**
 * GET /v2/audit/ (write token): the account's audit records, newest first, filtered by `since`,
 * `until`, `actor`, `kind`, `action` and `target` (docs/api.md §12.3). Never cached: the answer
 * names no cache tag, and the log changes with every request that changes anything.
 */
export const listAuditEndpoint: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, query }: ApiCall) {
    const filter = parseAuditFilter(query, ctx.clock());
    const pagination = parsePagination(query);
    const { records, count } = await listAudit(ctx.store.db, caller.accountId, filter, pagination);
    return { body: { meta: listMeta(pagination, count), data: records } };
  },
};
