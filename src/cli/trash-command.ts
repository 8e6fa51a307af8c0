import { cliActor } from '../audit/actor.js';
import { loadAccountSchema } from '../content/account-schema.js';
import { cliMessages, GheeError } from '../errors/index.js';
import { listTrash } from '../history/trash/list-trash.js';
import { purgeTrash, purgeTrashOlderThan } from '../history/trash/purge-trash.js';
import { restoreFromTrash } from '../history/trash/restore-trash.js';
import type { TrashObject } from '../history/trash/trash-object.js';
import { kindFilter } from '../history/trash/trash-params.js';
import { positiveId } from '../params/positive-id.js';
import type { Store } from '../store/database.js';
import type { Account } from '../store/tables.js';
import { integer } from './account-command.js';
import { accountOption } from './account-option.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee trash list [--account ID] [--kind page|item|post] [--json] | ghee trash restore [--account ID] TRASH_ID [--json] | ghee trash purge [--account ID] (TRASH_ID | --older-than DAYS) [--json]';

/** Rows read per query while listing the whole trash. */
const PAGE = 100;

/** `ghee trash list|restore|purge`: deleted pages, items and posts (docs/api.md §12.2), as the operator. */
export async function trashCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(
    rest,
    {
      account: { type: 'string' },
      kind: { type: 'string' },
      'older-than': { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const byAge = values['older-than'] !== undefined;
  const valid =
    (sub === 'list' && positionals.length === 0 && !byAge) ||
    (sub === 'restore' && positionals.length === 1 && !byAge && values.kind === undefined) ||
    (sub === 'purge' && positionals.length === (byAge ? 0 : 1) && values.kind === undefined);
  if (!valid) throw usage(USAGE);
  const account = await accountOption(store, values.account);
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json) : text);
  try {
    if (sub === 'list') {
      const rows = await everyRow(store, account, values.kind);
      print(rows, rows.map(line).join('\n') || 'the trash is empty');
    } else if (sub === 'restore') {
      const trashId = idOf(account, positionals[0]!);
      const schema = await loadAccountSchema(store.db, account.id, account.schema_version);
      const restored = await restoreFromTrash({ db: store.db, schema, actor: cliActor() }, { trashId });
      print({ restored }, `${restored.kind} ${restored.slug ?? restored.id} restored (id ${restored.id})`);
    } else if (byAge) {
      // Nothing is older than 100,000 days: a larger number purges what that one does.
      const days = Math.min(integer(values['older-than']!, '--older-than'), 99_999);
      const purged = await purgeTrashOlderThan(store.db, account.id, days, cliActor());
      print({ purged }, `${purged} purged from the trash of account ${account.id}`);
    } else {
      const trashId = idOf(account, positionals[0]!);
      await purgeTrash(store.db, account.id, { trashId }, cliActor());
      print({ purged: 1 }, `trash row ${trashId} purged`);
    }
    return 0;
  } catch (error) {
    if (error instanceof GheeError && error.code === 'not_found')
      throw new CliError(cliMessages.noTrashRow(account.id, positionals[0] ?? ''));
    if (error instanceof GheeError) throw new CliError(error.message);
    throw error;
  }
}

function idOf(account: Account, raw: string): number {
  const id = positiveId(raw);
  if (id === null) throw new CliError(cliMessages.noTrashRow(account.id, raw));
  return id;
}

/** The whole trash of the account (of one kind), newest deleted first, a page per query. */
async function everyRow(store: Store, account: Account, kind: string | undefined): Promise<TrashObject[]> {
  const filter = kindFilter(kind);
  const rows: TrashObject[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data, count } = await listTrash(store.db, account.id, { kind: filter, limit: PAGE, offset });
    rows.push(...data);
    if (offset + PAGE >= count || !data.length) return rows;
  }
}

/** One row of the list: id, kind, where it was, name, when and by whom, purged when. */
function line(row: TrashObject): string {
  const where =
    row.kind === 'page' ? `${row.page_type}/${row.slug}` : row.kind === 'item' ? `${row.key}/${row.id}` : row.slug;
  return [
    row.trash_id,
    row.kind,
    where,
    row.name,
    `deleted ${row.deleted} by ${row.deleted_by.name}`,
    `purged after ${row.purge_after}`,
  ].join('\t');
}
