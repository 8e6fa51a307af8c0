import { AccountInputError } from '../accounts/accounts.js';
import { cliActor } from '../audit/actor.js';
import { SchemaError } from '../content/schema/schema-error.js';
import { importMessages } from '../errors/index.js';
import { openMediaStore } from '../media/open-media-store.js';
import type { Store } from '../store/database.js';
import { ArchiveError, readArchive } from '../transfer/archive-io.js';
import { importArchive, ImportRefused } from '../transfer/import-archive.js';
import { parseArchive } from '../transfer/parse-archive.js';
import { targetAccount } from '../transfer/target-account.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee import FILE [--account ID | --new-account NAME] [--on-conflict skip|replace] [--no-history] [--json]';

/**
 * `ghee import`: restores an archive of `ghee export` into an empty account (or merges it with
 * `--on-conflict`), one transaction per kind, with its history unless `--no-history` (then
 * each entry and post starts with one version by the import); run again after an interruption,
 * it resumes. The import leaves an audit record `import`, by the operator.
 */
export async function importCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      account: { type: 'string' },
      'new-account': { type: 'string' },
      'on-conflict': { type: 'string' },
      history: { type: 'boolean' },
      'no-history': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) throw usage(USAGE);
  if (values.account !== undefined && values['new-account'] !== undefined)
    throw usage(`${USAGE}\n${importMessages.accountFlagsExclusive}`);
  const onConflict = values['on-conflict'];
  if (onConflict !== undefined && onConflict !== 'skip' && onConflict !== 'replace')
    throw usage(`${USAGE}\n${importMessages.onConflictChoice}`);
  try {
    const archive = parseArchive(await readArchive(file));
    const account = await targetAccount(store.db, archive.source, {
      accountId: values.account === undefined ? undefined : integer(values.account, '--account'),
      newAccount: values['new-account'],
    });
    io.err(`importing ${file} into account ${account.id}`);
    const result = await importArchive(store, archive, {
      accountId: account.id,
      media: openMediaStore(io.config),
      history: !values['no-history'],
      actor: cliActor(),
      ...(onConflict && { onConflict }),
      afterStep: (step, status) => io.err(`  ${step}: ${status}`),
    });
    if (values.json) io.out(JSON.stringify({ account: account.id, steps: result.steps, ...account.created }));
    else {
      const tokens = account.created
        ? `\nread token:  ${account.created.read_token}\nwrite token: ${account.created.write_token}`
        : '';
      io.out(`imported into account ${account.id}${tokens}`);
    }
    return 0;
  } catch (error) {
    if (
      error instanceof ArchiveError ||
      error instanceof ImportRefused ||
      error instanceof AccountInputError ||
      error instanceof SchemaError
    )
      throw new CliError(error.message);
    throw error;
  }
}
