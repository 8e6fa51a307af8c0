import type { Kysely } from 'kysely';
import { createAccount, resolveAccount } from '../accounts/accounts.js';
import type { Database } from '../store/tables.js';
import { accountsImporting } from './import-progress.js';

/** The account an import writes to, and its tokens when the import created it. */
export interface TargetAccount {
  id: number;
  created?: { read_token: string; write_token: string };
}

/**
 * `--account ID` (or the only account), or `--new-account NAME`: a new account, unless an account
 * of that name already holds progress of this same import, which is then resumed rather than
 * started over in yet another account.
 */
export async function targetAccount(
  db: Kysely<Database>,
  source: string,
  want: { accountId?: number; newAccount?: string },
): Promise<TargetAccount> {
  if (want.newAccount === undefined) return { id: (await resolveAccount(db, want.accountId)).id };
  const importing = await accountsImporting(db, source);
  if (importing.length) {
    const named = await db
      .selectFrom('accounts')
      .select('id')
      .where('id', 'in', importing)
      .where('name', '=', want.newAccount.trim())
      .orderBy('id')
      .executeTakeFirst();
    if (named) return { id: named.id };
  }
  const account = await createAccount(db, { name: want.newAccount });
  return { id: account.id, created: { read_token: account.read_token, write_token: account.write_token } };
}
