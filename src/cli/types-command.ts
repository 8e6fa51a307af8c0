import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import { exportSchema } from '../content/schema/export-schema.js';
import { generateTypes } from '../content/schema/generate-types.js';
import type { Store } from '../store/database.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE = 'ghee types generate [--account ID] > cms-types.ts';

/** `ghee types generate`: TypeScript interfaces for the account's schema, on standard output. */
export async function typesCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'generate') throw usage(USAGE);
  const { values, positionals } = parseFlags(rest, { account: { type: 'string' } }, USAGE);
  if (positionals.length || (values.account !== undefined && !/^[1-9][0-9]*$/.test(values.account))) throw usage(USAGE);
  let account;
  try {
    account = await resolveAccount(store.db, values.account === undefined ? undefined : Number(values.account));
  } catch (error) {
    if (error instanceof AccountInputError) throw new CliError(error.message);
    throw error;
  }
  const doc = await exportSchema(store.db, account.id);
  io.out(generateTypes(doc, { source: `account ${account.id} (${account.name})` }));
  return 0;
}
