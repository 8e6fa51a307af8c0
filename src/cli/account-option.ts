import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import type { Store } from '../store/database.js';
import type { Account } from '../store/tables.js';
import { integer } from './account-command.js';
import { CliError } from './io.js';

/**
 * The account a command acts on: `--account ID`, or the only account there is (docs/api.md
 * §10). Anything else is a CliError that says why, listing the accounts when there are several.
 */
export async function accountOption(store: Store, raw: string | undefined): Promise<Account> {
  try {
    return await resolveAccount(store.db, raw === undefined ? undefined : integer(raw, '--account'));
  } catch (error) {
    if (error instanceof AccountInputError) throw new CliError(error.message);
    throw error;
  }
}
