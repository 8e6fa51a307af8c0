import type { FastifyInstance } from 'fastify';
import { AccountInputError } from '../../accounts/accounts.js';
import { setPlan } from '../../accounts/set-plan.js';
import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { adminErrors } from '../admin-errors.js';
import { adminRoutes } from '../admin-routes.js';
import { accountSummary } from '../ops/account-summary.js';

const BASE = '/admin/api/accounts/:accountId';

/** GET /admin/api/accounts/:id (viewer) and PUT /admin/api/accounts/:id/plan (owner). */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      handle: async ({ account, role }) => ({ body: { data: await accountSummary(ctx.store.db, account, role) } }),
    },
  });

  adminRoutes(app, ctx, `${BASE}/plan`, {
    PUT: {
      access: 'owner',
      async handle({ request, account, role }) {
        const body = bodyObject(request.body, ['plan', 'monthly_call_limit']);
        const plan = optionalString(body, 'plan');
        if (!plan) throw adminErrors.field('plan', 'This field is required.');
        const limit = body.monthly_call_limit;
        if (limit !== undefined && limit !== null && typeof limit !== 'number') {
          throw adminErrors.field('monthly_call_limit', 'A valid integer is required.');
        }
        try {
          await setPlan(ctx.store.db, account.id, plan, limit as number | null | undefined);
        } catch (error) {
          if (!(error instanceof AccountInputError)) throw error;
          throw adminErrors.field(error.message.startsWith('Unknown plan') ? 'plan' : 'monthly_call_limit', error.message);
        }
        const fresh = await ctx.store.db.selectFrom('accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
        return { body: { data: await accountSummary(ctx.store.db, fresh, role) } };
      },
    },
  });
}
