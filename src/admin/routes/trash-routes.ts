import type { FastifyInstance } from 'fastify';
import { bodyObject } from '../../api/write/body.js';
import { listTrash } from '../../history/trash/list-trash.js';
import { purgeTrash, purgeTrashOlderThan } from '../../history/trash/purge-trash.js';
import { restoreFromTrash } from '../../history/trash/restore-trash.js';
import { kindFilter, olderThanDays, trashRef } from '../../history/trash/trash-params.js';
import type { AppContext } from '../../http/context.js';
import { adminRoutes } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';
import { sessionActor } from '../session-actor.js';

const BASE = '/admin/api/accounts/:accountId';

/**
 * The trash of deleted pages, items and posts (docs/admin-api.md, Trash): viewers list it,
 * editors restore, admins purge for good.
 */
export function registerTrashRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, `${BASE}/trash`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const kind = kindFilter(call.query.kind);
        const pagination = parsePagination(call.query);
        const { data, count } = await listTrash(ctx.store.db, call.account.id, {
          kind,
          limit: pagination.limit,
          offset: pagination.offset,
        });
        return { body: { meta: listMeta(pagination, count), data } };
      },
    },
    DELETE: {
      access: 'admin',
      async handle(call) {
        const days = olderThanDays(call.query.older_than_days);
        const purged = await purgeTrashOlderThan(ctx.store.db, call.account.id, days, sessionActor(call), ctx.clock());
        return { body: { data: { purged } } };
      },
    },
  });
  adminRoutes(app, ctx, `${BASE}/trash/:kind/:trashId`, {
    DELETE: {
      access: 'admin',
      async handle(call) {
        const ref = trashRef(call.params.kind, call.params.trashId);
        await purgeTrash(ctx.store.db, call.account.id, ref, sessionActor(call), ctx.clock());
        return null;
      },
    },
  });
  adminRoutes(app, ctx, `${BASE}/trash/:kind/:trashId/restore`, {
    POST: {
      access: 'editor',
      async handle(call) {
        const ref = trashRef(call.params.kind, call.params.trashId);
        bodyObject(call.request.body, []);
        const c = { db: ctx.store.db, schema: await call.schema(), actor: sessionActor(call) };
        await restoreFromTrash(c, ref, ctx.clock());
        return { status: 202, body: { status: 'pending' } };
      },
    },
  });
}
