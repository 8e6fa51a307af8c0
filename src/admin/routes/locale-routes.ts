import type { FastifyInstance } from 'fastify';
import { bodyObject } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { parseBool } from '../../params/query-bool.js';
import { adminErrors, messages } from '../../errors/index.js';
import { adminRoutes } from '../admin-routes.js';
import { listLocales, setLocales } from '../ops/set-locales.js';
import { changeBody, schemaApiError } from '../schema-errors.js';
import { sessionActor } from '../session-actor.js';

/** `?confirm=true` (any boolean spelling /v2 takes): go ahead with a change that deletes content. */
export function confirmed(query: Record<string, string>): boolean {
  return parseBool(query.confirm);
}

/** Settings > Localization: GET (viewer) and PUT (admin) /admin/api/accounts/:id/locales. */
export function registerLocaleRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/locales', {
    GET: {
      access: 'viewer',
      handle: async ({ account }) => ({ body: { data: await listLocales(ctx.store.db, account.id) } }),
    },
    PUT: {
      access: 'admin',
      async handle(call) {
        const { request, query, account } = call;
        const body = bodyObject(request.body, ['locales']);
        if (body.locales === undefined) throw adminErrors.field('locales', messages.required);
        try {
          const result = await setLocales(ctx.store.db, account.id, body.locales, confirmed(query), sessionActor(call));
          return {
            body: { data: await listLocales(ctx.store.db, account.id), changes: result.changes.map(changeBody) },
          };
        } catch (error) {
          throw schemaApiError(error);
        }
      },
    },
  });
}
