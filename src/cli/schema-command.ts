import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import { cliActor } from '../audit/actor.js';
import { applySchema } from '../content/schema/apply-schema.js';
import { formatChanges } from '../content/schema/schema-change.js';
import { exportSchema } from '../content/schema/export-schema.js';
import { SchemaError } from '../content/schema/schema-error.js';
import { cliMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { CliError, usage, type CliIo } from './io.js';

export const APPLY_USAGE = 'ghee schema apply [--account ID] [--dry-run] [--allow-data-loss] [--json] FILE';
export const EXPORT_USAGE = 'ghee schema export [--account ID]';

/** `ghee schema apply|export`: schema as code (docs/schema.md). Returns the exit code. */
export async function schemaCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportCommand(rest, io, store);
  if (sub === 'apply') return applyCommand(rest, io, store);
  throw usage(`${APPLY_USAGE} | ${EXPORT_USAGE}`);
}

async function exportCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { account: { type: 'string' } }, allowPositionals: false, strict: true });
  } catch {
    throw usage(EXPORT_USAGE);
  }
  const accountId = await accountOf(store, parsed.values.account, EXPORT_USAGE);
  io.out(JSON.stringify(await exportSchema(store.db, accountId), null, 2));
  return 0;
}

async function applyCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        account: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'allow-data-loss': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    throw usage(APPLY_USAGE);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) throw usage(APPLY_USAGE);
  const accountId = await accountOf(store, values.account, APPLY_USAGE);
  const doc = await readDocument(file);
  const dryRun = values['dry-run'] === true;
  try {
    const result = await applySchema(store.db, accountId, doc, {
      dryRun,
      allowDataLoss: values['allow-data-loss'] === true,
      actor: cliActor(),
    });
    if (values.json) {
      io.out(JSON.stringify(result));
    } else {
      const lines = result.changes.length ? formatChanges(result.changes) : ['no changes'];
      io.out([...lines, dryRun ? 'dry run: nothing changed' : 'applied'].join('\n'));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    const hint = error.code === 'data_loss' ? `\n${cliMessages.allowDataLoss}` : '';
    throw new CliError(`${error.message}${hint}`);
  }
}

async function accountOf(store: Store, raw: string | undefined, line: string): Promise<number> {
  if (raw !== undefined && !/^[1-9][0-9]*$/.test(raw)) throw usage(line);
  try {
    return (await resolveAccount(store.db, raw === undefined ? undefined : Number(raw))).id;
  } catch (error) {
    if (error instanceof AccountInputError) throw new CliError(error.message);
    throw error;
  }
}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(cliMessages.cannotRead(file, cliMessages.readReasons[code] ?? (error as Error).message));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(cliMessages.notJson(file, (error as Error).message));
  }
}
