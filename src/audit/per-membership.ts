import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { AuditEntry } from './record-audit.js';

/**
 * The records of something a user does outside any one account (signing in or out): one per
 * account they are a member of, so that each account's admins see it in their own log; one of no
 * account when there is no user or they belong to none.
 */
export async function perMembership(
  db: Kysely<Database>,
  userId: number | null,
  entry: Omit<AuditEntry, 'accountId'>,
): Promise<AuditEntry[]> {
  const rows =
    userId === null
      ? []
      : await db
          .selectFrom('memberships')
          .select('account_id')
          .where('user_id', '=', userId)
          .orderBy('account_id')
          .execute();
  if (rows.length === 0) return [{ ...entry, accountId: null }];
  return rows.map((r) => ({ ...entry, accountId: r.account_id }));
}
