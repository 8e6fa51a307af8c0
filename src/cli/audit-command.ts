import { parseAuditFilter } from '../audit/audit-filter.js';
import { listAudit, type AuditRecord } from '../audit/list-audit.js';
import { GheeError } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { accountOption } from './account-option.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee audit [--account ID] [--since ISO|7d] [--until ISO|7d] [--actor A] [--kind K] [--action X] [--target T] [--page N] [--json]';

/** Records per page, the API's largest page_size. */
const PAGE_SIZE = 100;

/** One record as a line: when, who, what, on what, from where, and the detail as JSON. */
export function auditLine(r: AuditRecord): string {
  const target = [r.target.id, r.target.slug].filter((part) => part !== null).join(' ') || '-';
  const detail = r.detail === null ? [] : [JSON.stringify(r.detail)];
  return [r.at, `${r.actor.name} (${r.actor.type})`, r.action, r.kind, target, r.client ?? '-', ...detail].join('\t');
}

/**
 * `ghee audit`: an account's audit log, newest first, 100 records a page; the filters are the
 * API's (docs/api.md §12.3). `--json` prints the API's answer, `{"meta", "data"}`.
 */
export async function auditCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      account: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      actor: { type: 'string' },
      kind: { type: 'string' },
      action: { type: 'string' },
      target: { type: 'string' },
      page: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw usage(USAGE);
  const page = values.page === undefined ? 1 : integer(values.page, '--page');
  if (page < 1) throw usage(USAGE);
  let filter;
  try {
    const { since, until, actor, kind, action, target } = values;
    filter = parseAuditFilter({ since, until, actor, kind, action, target }, new Date());
  } catch (error) {
    if (error instanceof GheeError) throw new CliError(error.message, 2);
    throw error;
  }
  const account = await accountOption(store, values.account);
  const offset = Math.min((page - 1) * PAGE_SIZE, Number.MAX_SAFE_INTEGER);
  const { records, count } = await listAudit(store.db, account.id, filter, { limit: PAGE_SIZE, offset });
  if (values.json) {
    const meta = {
      count,
      next_page: offset + PAGE_SIZE < count ? page + 1 : null,
      previous_page: page > 1 ? page - 1 : null,
    };
    io.out(JSON.stringify({ meta, data: records }));
    return 0;
  }
  io.out(records.length ? records.map(auditLine).join('\n') : 'no audit records');
  if (offset + PAGE_SIZE < count) io.err(`${count - offset - records.length} older records: --page ${page + 1}`);
  return 0;
}
