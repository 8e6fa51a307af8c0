import type { FastifyInstance } from 'fastify';
import { AccountInputError, findAccount } from '../../accounts/accounts.js';
import { mayChangeLimit, PlanPermissionError, plansOpenTo, type PlanActor } from '../../accounts/plan-policy.js';
import { setPlan } from '../../accounts/set-plan.js';
import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { adminErrors, adminMessages, messages } from '../../errors/index.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { accountSummary, planFeatures } from '../ops/account-summary.js';
import { sessionActor } from '../session-actor.js';

const BASE = '/admin/api/accounts/:accountId';

/** The caller as plan-policy.ts sees them: their role here, and whether they operate the install. */
const actorOf = ({ session, role }: AccountCall): PlanActor => ({ operator: session.operator, role });

/**
 * GET /admin/api/accounts/:id (viewer), GET .../plans (viewer: the plans the caller may pick) and
 * PUT .../plan (what plan-policy.ts allows: an owner, self-service plans only; an operator, anything).
 */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      handle: async ({ account, role }) => ({ body: { data: await accountSummary(ctx.store.db, account, role) } }),
    },
  });

  adminRoutes(app, ctx, `${BASE}/plans`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const actor = actorOf(call);
        const open = plansOpenTo(actor, call.account).map((p) => ({
          name: p.name,
          self_service: p.selfService,
          current: p.name === call.account.plan,
          features: planFeatures(p),
        }));
        return { body: { data: { plans: open, may_change_limit: mayChangeLimit(actor, call.account) } } };
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/plan`, {
    // Open to every member at the gate; plan-policy.ts decides (403 for all but owners and operators).
    PUT: {
      access: 'viewer',
      async handle(call) {
        const { request, account, role } = call;
        const body = bodyObject(request.body, ['plan', 'monthly_call_limit']);
        const plan = optionalString(body, 'plan');
        if (!plan) throw adminErrors.field('plan', messages.required);
        const limit = body.monthly_call_limit;
        if (limit !== undefined && limit !== null && typeof limit !== 'number') {
          throw adminErrors.field('monthly_call_limit', adminMessages.integer);
        }
        try {
          await setPlan(
            ctx.store.db,
            account.id,
            { plan, monthlyCallLimit: limit as number | null | undefined },
            actorOf(call),
            sessionActor(call),
            ctx.clock(),
          );
        } catch (error) {
          if (error instanceof PlanPermissionError) {
            if (error.refusal === 'not_owner') throw adminErrors.forbidden();
            throw error.refusal === 'plan_not_self_service'
              ? adminErrors.planNotSelfService(error.plan)
              : adminErrors.limitIsOperators();
          }
          if (!(error instanceof AccountInputError) || !error.field) throw error;
          throw adminErrors.field(error.field, error.message);
        }
        const fresh = await findAccount(ctx.store.db, account.id);
        if (!fresh) throw adminErrors.notFound();
        return { body: { data: await accountSummary(ctx.store.db, fresh, role) } };
      },
    },
  });
}
