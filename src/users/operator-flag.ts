import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * Makes a user an install operator (or not): in the dashboard they may then set any plan and
 * monthly call limit of the accounts they belong to (accounts/plan-policy.ts). Only the CLI calls
 * this: nothing reachable over HTTP can make anyone an operator. Returns false for an unknown email.
 */
export async function setOperator(db: Kysely<Database>, rawEmail: string, operator: boolean): Promise<boolean> {
  const email = rawEmail.trim().toLowerCase();
  const updated = await db
    .updateTable('users')
    .set({ operator: operator ? 1 : 0 })
    .where('email', '=', email)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
