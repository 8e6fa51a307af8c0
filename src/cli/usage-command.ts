import { cliMessages } from '../errors/index.js';
import { usageReport } from '../quota/usage-report.js';
import type { Store } from '../store/database.js';
import { accountOption } from './account-option.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE = 'ghee usage [--account ID] [--month YYYY-MM] [--json]';

/** `ghee usage`: calls per day of a billing month, the total, the limit and what is left. */
export async function usageCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { account: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length) throw usage(USAGE);
  if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
    throw new CliError(cliMessages.month(values.month), 2);
  const account = await accountOption(store, values.account);
  const report = await usageReport(store.db, account, new Date(), values.month);
  if (values.json) {
    io.out(JSON.stringify(report));
    return 0;
  }
  const lines = [
    `account ${report.account} (${report.plan}), billing month ${report.month}: ${report.starts.slice(0, 10)} to ${report.resets.slice(0, 10)}`,
    ...report.days.map((d) => `  ${d.day}  ${String(d.calls).padStart(10)}`),
    `  total       ${String(report.calls).padStart(10)}`,
    `  limit       ${String(report.limit ?? 'none').padStart(10)}`,
    `  remaining   ${String(report.remaining ?? 'unlimited').padStart(10)}`,
  ];
  io.out(lines.join('\n'));
  return 0;
}
