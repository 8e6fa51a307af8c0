import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { listAuditEndpoint } from './list.js';

/** The audit log of the token's account (docs/api.md §12.3). */
export function registerAudit(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/audit/', { GET: listAuditEndpoint });
}
