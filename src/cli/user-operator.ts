import { cliMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { setOperator } from '../users/operator-flag.js';
import { CliError, usage, type CliIo } from './io.js';

const USAGE = 'ghee user set-operator --email E [--off] [--json]';

/**
 * `ghee user set-operator --email E [--off]`: makes a dashboard user an install operator, who may
 * set any plan and monthly call limit of the accounts they belong to (`--off` takes it back).
 * In force from their next request.
 */
export async function operatorCommand(
  values: { email?: string; off?: boolean; json?: boolean; [flag: string]: unknown },
  io: CliIo,
  store: Store,
): Promise<number> {
  const others = Object.keys(values).filter((k) => !['email', 'off', 'json'].includes(k) && values[k] !== undefined);
  if (!values.email || others.length) throw usage(USAGE);
  const operator = values.off !== true;
  if (!(await setOperator(store.db, values.email, operator))) throw new CliError(cliMessages.noUser(values.email));
  const email = values.email.trim().toLowerCase();
  io.out(
    values.json
      ? JSON.stringify({ email, operator })
      : `${email} ${operator ? 'is now' : 'is no longer'} an operator of this install`,
  );
  return 0;
}
