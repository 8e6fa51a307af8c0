import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { accountMessages } from '../errors/index.js';
import type { Database } from '../store/tables.js';
import { AccountInputError } from './accounts.js';
import { planChangeRefusal, PlanPermissionError, type PlanActor, type PlanChange } from './plan-policy.js';
import { planNamed, plans } from './plans.js';

/**
 * Moves an account to another plan, and sets (a number), clears (null) or keeps (undefined) its own
 * monthly call limit, as far as `actor` may (plan-policy.ts). In force from the next request on
 * every node (auth reads the account row). Returns null when there is no such account; throws
 * PlanPermissionError when the actor may not, AccountInputError for an unknown plan or a bad limit.
 * A change leaves a `plan.set` audit record naming `by`, in its transaction; keeping both as they
 * are leaves none.
 */
export async function setPlan(
  db: Kysely<Database>,
  accountId: number,
  change: PlanChange,
  actor: PlanActor,
  by: Actor,
  now = new Date(),
) {
  const current = await db
    .selectFrom('accounts')
    .select(['plan', 'monthly_call_limit'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!current) return null;
  const refusal = planChangeRefusal(actor, current, change);
  if (refusal === 'not_owner') throw new PlanPermissionError(refusal, change.plan);
  const { plan, monthlyCallLimit } = change;
  if (!planNamed(plan)) throw new AccountInputError(accountMessages.unknownPlan(plan, Object.keys(plans())), 'plan');
  if (
    monthlyCallLimit !== undefined &&
    monthlyCallLimit !== null &&
    !(Number.isSafeInteger(monthlyCallLimit) && monthlyCallLimit >= 0)
  ) {
    throw new AccountInputError(accountMessages.monthlyLimit, 'monthly_call_limit');
  }
  if (refusal) throw new PlanPermissionError(refusal, plan);
  // Only the operator's changes touch the limit column, so a plan change never clears an override.
  const limit = actor.operator && monthlyCallLimit !== undefined ? { monthly_call_limit: monthlyCallLimit } : {};
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('accounts')
      .set({ plan, ...limit })
      .where('id', '=', accountId)
      .returning(['id', 'plan', 'monthly_call_limit'])
      .executeTakeFirst();
    if (!updated) return null;
    if (updated.plan !== current.plan || updated.monthly_call_limit !== current.monthly_call_limit) {
      const detail = {
        plan: updated.plan,
        previous_plan: current.plan,
        monthly_call_limit: updated.monthly_call_limit,
        previous_monthly_call_limit: current.monthly_call_limit,
      };
      await recordAudit(
        trx,
        by,
        [{ accountId, action: 'plan.set', kind: 'account', targetId: accountId, detail }],
        now,
      );
    }
    return updated;
  });
}
