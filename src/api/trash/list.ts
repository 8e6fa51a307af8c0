import { listTrash } from '../../history/trash/list-trash.js';
import { kindFilter } from '../../history/trash/trash-params.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { listMeta, parsePagination } from '../params.js';

/** GET /v2/trash/?kind=&page=&page_size=: the account's trash, newest deleted first (never cached: it names no tag). */
export const listTrashEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const kind = kindFilter(call.query.kind);
    const pagination = parsePagination(call.query);
    const { data, count } = await listTrash(call.ctx.store.db, call.caller.accountId, {
      kind,
      limit: pagination.limit,
      offset: pagination.offset,
    });
    return { body: { meta: listMeta(pagination, count), data } };
  },
};
