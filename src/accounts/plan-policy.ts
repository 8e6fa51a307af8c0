import type { Role } from '../users/roles.js';
import { planNamed, plans, type Plan } from './plans.js';

/**
 * Who changes a plan: the install's operator (the CLI, or a dashboard user the CLI made an
 * operator), or a member of the account with their role in it.
 */
export interface PlanActor {
  operator: boolean;
  role: Role | null;
}

/** The CLI: whoever runs it runs the install. */
export const OPERATOR: PlanActor = { operator: true, role: null };

/** An account's plan and its own monthly call limit, as they are now. */
export interface CurrentPlan {
  plan: string;
  monthly_call_limit: number | null;
}

/** A change asked for: a plan, and a limit to set (a number), clear (null) or keep (undefined). */
export interface PlanChange {
  plan: string;
  monthlyCallLimit?: number | null;
}

/** Why a plan change is refused. */
export type PlanRefusal = 'not_owner' | 'plan_not_self_service' | 'limit_is_operators';

/**
 * The one decision on plans and limits, for every front door. Plans and per-account limits are
 * the operator's: the operator may set any plan and any limit. An account's owner may keep its
 * plan or move it to a plan the operator marked self-service, and may never change or clear its
 * monthly call limit (an operator's override stays through any plan change). Nobody else may
 * change either. An unknown plan name is not refused here: the caller reports it as bad input.
 */
export function planChangeRefusal(actor: PlanActor, current: CurrentPlan, change: PlanChange): PlanRefusal | null {
  if (actor.operator) return null;
  if (actor.role !== 'owner') return 'not_owner';
  const plan = planNamed(change.plan);
  if (plan && change.plan !== current.plan && !plan.selfService) return 'plan_not_self_service';
  if (change.monthlyCallLimit !== undefined && change.monthlyCallLimit !== current.monthly_call_limit)
    return 'limit_is_operators';
  return null;
}

/** The plans this actor may put the account on (its current one included), in the plans' order. */
export function plansOpenTo(actor: PlanActor, current: CurrentPlan): Plan[] {
  return Object.values(plans()).filter((p) => planChangeRefusal(actor, current, { plan: p.name }) === null);
}

/** Whether this actor may set the account's own monthly call limit. */
export function mayChangeLimit(actor: PlanActor, current: CurrentPlan): boolean {
  return (
    planChangeRefusal(actor, current, {
      plan: current.plan,
      monthlyCallLimit: current.monthly_call_limit === null ? 0 : null,
    }) === null
  );
}

/** A plan change the policy refused; the HTTP boundary answers 403. */
export class PlanPermissionError extends Error {
  constructor(
    readonly refusal: PlanRefusal,
    readonly plan: string,
  ) {
    super(refusal);
    this.name = 'PlanPermissionError';
  }
}
