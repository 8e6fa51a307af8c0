import type { FastifyInstance } from 'fastify';
import { planNamed } from '../../accounts/plans.js';
import type { AppContext } from '../../http/context.js';
import { usageReport } from '../../quota/usage-report.js';
import { adminErrors } from '../../errors/index.js';
import { adminRoutes } from '../admin-routes.js';
import { planFeatures } from '../ops/account-summary.js';

/** Usage & plan (viewer): the figures of `ghee usage --json` for a billing month, and the plan's features. */
export function registerUsageRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/usage', {
    GET: {
      access: 'viewer',
      async handle({ account, query }) {
        const month = query.month;
        if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw adminErrors.badMonth();
        const report = await usageReport(ctx.store.db, account, ctx.clock(), month);
        return { body: { data: { ...report, features: planFeatures(planNamed(account.plan)) } } };
      },
    },
  });
}
