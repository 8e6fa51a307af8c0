import fs from 'node:fs/promises';
import { AccountInputError } from '../accounts/accounts.js';
import { SchemaError } from '../content/schema/schema-error.js';
import { importMessages } from '../errors/index.js';
import { mediaIngester } from '../media/media-ingester.js';
import { openMediaStore } from '../media/open-media-store.js';
import { ButterSource, SourceError } from '../migrate-butter/butter-client.js';
import { importButter } from '../migrate-butter/import-butter.js';
import { ProgressBar } from '../migrate-butter/progress-bar.js';
import { butterSourceKey } from '../migrate-butter/source-key.js';
import type { Store } from '../store/database.js';
import { targetAccount } from '../transfer/target-account.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee import-butter --token READ_TOKEN [--base-url URL] [--locales en,es] [--page-types a,b|*] [--collections x,y] [--account ID | --new-account NAME] [--schema FILE] [--json]';
const DEFAULT_BASE = 'https://api.buttercms.com/v2';

/**
 * `ghee import-butter`: copies a ButterCMS account (or any server speaking its read API, Ghee
 * included) into a Ghee account through the public read API. Run again after an interruption,
 * it resumes.
 */
export async function importButterCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      token: { type: 'string' },
      'base-url': { type: 'string' },
      locales: { type: 'string' },
      'page-types': { type: 'string' },
      collections: { type: 'string' },
      account: { type: 'string' },
      'new-account': { type: 'string' },
      schema: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length || !values.token) throw usage(USAGE);
  if (values.account !== undefined && values['new-account'] !== undefined)
    throw usage(`${USAGE}\n${importMessages.accountFlagsExclusive}`);
  const baseUrl = (values['base-url'] ?? DEFAULT_BASE).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw usage(`${USAGE}\n${importMessages.baseUrlScheme}`);
  const list = (raw: string | undefined) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const locales = list(values.locales);
  const schema = values.schema === undefined ? undefined : await readJson(values.schema);
  const sourceKey = butterSourceKey(baseUrl, values.token);
  const tty = Boolean(process.stderr.isTTY) && io.env.CI === undefined;
  const bar = new ProgressBar({
    isTTY: tty,
    write: (text) => (tty ? process.stderr.write(text) : io.err(text.replace(/\n$/, ''))),
  });
  const source = new ButterSource({
    baseUrl,
    token: values.token,
    onWait: (seconds, path) => bar.note(`the source asked to wait (Retry-After) before ${path}: waiting ${seconds}s`),
  });
  try {
    const account = await targetAccount(store.db, sourceKey, {
      accountId: values.account === undefined ? undefined : integer(values.account, '--account'),
      newAccount: values['new-account'],
    });
    io.err(`importing ${baseUrl} into account ${account.id}`);
    const library = openMediaStore(io.config);
    const result = await importButter(store, {
      accountId: account.id,
      source,
      sourceKey,
      schema,
      bar,
      plan: {
        locales: locales.length
          ? locales.map((l) => ({ param: l, target: l }))
          : [{ target: await defaultLocale(store, account.id) }],
        pageTypes: list(values['page-types'] ?? '*'),
        collections: list(values.collections),
      },
      ingestMedia: mediaIngester(io.config, library),
      library,
    });
    for (const note of result.notes) io.err(`note: ${note}`);
    if (values.json)
      io.out(JSON.stringify({ account: account.id, counts: result.counts, notes: result.notes, ...account.created }));
    else {
      const tokens = account.created
        ? `\nread token:  ${account.created.read_token}\nwrite token: ${account.created.write_token}`
        : '';
      io.out(
        `imported ${result.counts.entries} pages and items, ${result.counts.posts} posts, ${result.counts.media} media files into account ${account.id}${tokens}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SourceError || error instanceof AccountInputError || error instanceof SchemaError)
      throw new CliError(error.message);
    if (error instanceof TypeError && /fetch failed/.test(error.message))
      throw new CliError(
        importMessages.sourceUnreachable(baseUrl, (error.cause as Error | undefined)?.message ?? error.message),
      );
    throw error;
  }
}

async function defaultLocale(store: Store, accountId: number): Promise<string> {
  const row = await store.db
    .selectFrom('locales')
    .select('slug')
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('position')
    .executeTakeFirst();
  return row?.slug ?? 'en';
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new CliError(importMessages.schemaUnreadable(file, (error as Error).message));
  }
}
