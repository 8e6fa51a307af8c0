import type { Kysely } from 'kysely';
import type { UsageReport } from '../shared/usage.js';
import { effectiveLimit, planNamed } from '../accounts/plans.js';
import type { Account, Database } from '../store/tables.js';
import { billingPeriodAt, billingPeriodOf } from './billing-period.js';
import { callsByDay } from './usage-store.js';

export type { UsageReport };

/**
 * The usage of a billing month: the current one, or the one starting in `month` (`YYYY-MM`).
 * Reads the database, so it includes calls flushed by every node (about a second behind).
 */
export async function usageReport(
  db: Kysely<Database>,
  account: Account,
  now: Date,
  month?: string,
): Promise<UsageReport> {
  const period = month
    ? billingPeriodOf(month, account.billing_anchor_day)
    : billingPeriodAt(now, account.billing_anchor_day);
  const days = await callsByDay(db, account.id, period.startDay, period.endDay);
  const calls = days.reduce((sum, d) => sum + d.calls, 0);
  const limit = effectiveLimit(planNamed(account.plan), account.monthly_call_limit);
  return {
    account: account.id,
    plan: account.plan,
    month: period.month,
    starts: period.start.toISOString(),
    resets: period.end.toISOString(),
    calls,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - calls),
    days,
  };
}
