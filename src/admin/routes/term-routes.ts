import type { FastifyInstance } from 'fastify';
import { deleteTerm } from '../../blog/terms/delete-term.js';
import { listTermUsage } from '../../blog/terms/term-usage.js';
import type { TermKind } from '../../blog/terms/term-store.js';
import type { AppContext } from '../../http/context.js';
import { adminRoutes } from '../admin-routes.js';

const BASE = '/admin/api/accounts/:accountId';

/**
 * The blog's categories and tags with how many posts use each, and deleting an unused one
 * (posts create them by name; deleting a post keeps them).
 */
export function registerTermRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const kind of ['categories', 'tags'] as const satisfies TermKind[]) {
    adminRoutes(app, ctx, `${BASE}/${kind}`, {
      GET: {
        access: 'viewer',
        handle: async (call) => ({ body: { data: await listTermUsage(ctx.store.db, kind, call.account.id) } }),
      },
    });
    adminRoutes(app, ctx, `${BASE}/${kind}/:slug`, {
      DELETE: {
        access: 'editor',
        async handle(call) {
          await deleteTerm(ctx.store, kind, call.account.id, call.params.slug!);
          return null;
        },
      },
    });
  }
}
