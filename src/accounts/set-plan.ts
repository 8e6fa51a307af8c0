import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { AccountInputError } from './accounts.js';
import { planNamed, plans } from './plans.js';

/**
 * Moves an account to another plan, and sets (a number), clears (null) or keeps (undefined) its own
 * monthly call limit. In force from the next request on every node (auth reads the account row).
 * Returns null when there is no such account; throws AccountInputError for an unknown plan.
 */
export async function setPlan(db: Kysely<Database>, accountId: number, plan: string, monthlyCallLimit?: number | null) {
  if (!planNamed(plan)) throw new AccountInputError(`Unknown plan "${plan}"; plans are ${Object.keys(plans()).join(', ')}`);
  if (monthlyCallLimit !== undefined && monthlyCallLimit !== null && !(Number.isSafeInteger(monthlyCallLimit) && monthlyCallLimit >= 0)) {
    throw new AccountInputError('The monthly call limit must be a non-negative integer');
  }
  const updated = await db
    .updateTable('accounts')
    .set({ plan, ...(monthlyCallLimit !== undefined && { monthly_call_limit: monthlyCallLimit }) })
    .where('id', '=', accountId)
    .returning(['id', 'plan', 'monthly_call_limit'])
    .executeTakeFirst();
  return updated ?? null;
}
