import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { listTrashEndpoint } from './list.js';
import { purgeTrashEndpoint } from './purge.js';
import { restoreTrashEndpoint } from './restore.js';

/** The trash of deleted pages, items and posts (docs/api.md §12.2): a write token's. */
export function registerTrash(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/trash/', { GET: listTrashEndpoint });
  defineRoutes(app, ctx, '/v2/trash/:kind/:trashId/', { DELETE: purgeTrashEndpoint });
  defineRoutes(app, ctx, '/v2/trash/:kind/:trashId/restore/', { POST: restoreTrashEndpoint });
}
