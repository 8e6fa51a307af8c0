import type { FastifyInstance } from 'fastify';
import { applySchema } from '../../content/schema/apply-schema.js';
import { exportSchema } from '../../content/schema/export-schema.js';
import type { AppContext } from '../../http/context.js';
import { adminRoutes } from '../admin-routes.js';
import { changeBody, schemaApiError } from '../schema-errors.js';
import { sessionActor } from '../session-actor.js';
import { confirmed } from './locale-routes.js';

const BASE = '/admin/api/accounts/:accountId/schema';

/** Content Types: the schema document (viewer), its diff (admin) and its apply (admin). */
export function registerSchemaRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      handle: async ({ account }) => ({ body: { data: await exportSchema(ctx.store.db, account.id) } }),
    },
    PUT: {
      access: 'admin',
      async handle(call) {
        const { request, query, account } = call;
        try {
          const options = { allowDataLoss: confirmed(query), actor: sessionActor(call) };
          const result = await applySchema(ctx.store.db, account.id, request.body, options);
          return {
            body: { data: await exportSchema(ctx.store.db, account.id), changes: result.changes.map(changeBody) },
          };
        } catch (error) {
          throw schemaApiError(error);
        }
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/diff`, {
    POST: {
      access: 'admin',
      async handle({ request, account }) {
        try {
          // A dry run that lists every change, data loss included (flagged), and writes nothing.
          const result = await applySchema(ctx.store.db, account.id, request.body, {
            dryRun: true,
            allowDataLoss: true,
          });
          return { body: { data: result.changes.map(changeBody) } };
        } catch (error) {
          throw schemaApiError(error);
        }
      },
    },
  });
}
