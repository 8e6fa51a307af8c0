import path from 'node:path';
import { cliActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { openMediaStore } from '../media/open-media-store.js';
import type { Store } from '../store/database.js';
import { ArchiveError, writeArchive } from '../transfer/archive-io.js';
import { exportAccount } from '../transfer/export-account.js';
import { accountOption } from './account-option.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE = 'ghee export [--account ID] [--out FILE.tar.gz|DIR] [--no-history] [--json]';

/**
 * `ghee export`: the whole account (schema, pages, items, posts, authors, categories, tags, every
 * locale, published and draft versions, the media library with its descriptions, and unless
 * `--no-history` its version history, trash and audit log) as one archive, a `.tar.gz` or a
 * directory. The export itself leaves an audit record `export`, by the operator.
 */
export async function exportCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      account: { type: 'string' },
      out: { type: 'string' },
      history: { type: 'boolean' },
      'no-history': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw usage(USAGE);
  const account = await accountOption(store, values.account);
  const out = values.out ?? `ghee-${account.slug}-${new Date().toISOString().slice(0, 10)}.tar.gz`;
  const media = openMediaStore(io.config);
  const history = !values['no-history'];
  const result = await exportAccount(store.db, account.id, media, new Date(), { history });
  for (const name of result.missingMedia)
    io.err(`warning: media/${name} is in the library or used by the content, but not in the media store; left out`);
  try {
    await writeArchive(out, result.files);
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message);
    throw error;
  }
  const counts = result.manifest.counts;
  await recordAudit(store.db, cliActor(), [
    { accountId: account.id, action: 'export', kind: 'account', targetId: account.id, detail: { history } },
  ]);
  if (values.json)
    io.out(
      JSON.stringify({ account: account.id, path: path.resolve(out), counts, missing_media: result.missingMedia }),
    );
  else
    io.out(
      `exported account ${account.id} to ${out}: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
  return 0;
}
