import type { Kysely } from 'kysely';
import { planNamed, type Plan } from '../../accounts/plans.js';
import type { AccountSummary, PlanFeatures } from '../../shared/accounts.js';
import type { Account, Database } from '../../store/tables.js';
import type { Role } from '../../users/roles.js';

/** A plan's features as the admin API shows them (null for an unknown plan name). */
export function planFeatures(plan: Plan | undefined): PlanFeatures | null {
  if (!plan) return null;
  return {
    monthly_calls: plan.monthlyCalls,
    blocked_over_limit: plan.blockedOverLimit,
    write_api: plan.writeApi,
    locales: plan.locales,
    webhooks: plan.webhooks,
  };
}

/** An account for the dashboard: its plan and features, its locales, and the caller's role. */
export async function accountSummary(db: Kysely<Database>, account: Account, role: Role): Promise<AccountSummary> {
  const locales = await db
    .selectFrom('locales')
    .select(['slug', 'name', 'is_default'])
    .where('account_id', '=', account.id)
    .orderBy('position')
    .execute();
  return {
    id: account.id,
    slug: account.slug,
    name: account.name,
    plan: account.plan,
    monthly_call_limit: account.monthly_call_limit,
    billing_anchor_day: account.billing_anchor_day,
    created: account.created,
    features: planFeatures(planNamed(account.plan)),
    locales: locales.map((l) => ({ slug: l.slug, name: l.name, default: l.is_default === 1 })),
    role,
  };
}
