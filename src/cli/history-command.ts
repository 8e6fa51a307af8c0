import { cliActor } from '../audit/actor.js';
import { loadAccountSchema } from '../content/account-schema.js';
import { enabledLocale } from '../content/enabled-locale.js';
import { cliMessages, GheeError } from '../errors/index.js';
import { listVersions } from '../history/versions/list-versions.js';
import { readVersion } from '../history/versions/read-version.js';
import { restoreVersion } from '../history/versions/restore-version.js';
import type { VersionSummary } from '../history/versions/version-object.js';
import { findVersion } from '../history/versions/version-rows.js';
import { itemSubject, pageSubject, postSubject, type VersionSubject } from '../history/versions/version-subject.js';
import type { VersionsContext } from '../history/versions/versions-context.js';
import type { Store } from '../store/database.js';
import { accountOption } from './account-option.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee history list [--account ID] (--page TYPE/SLUG | --item KEY/ID | --post SLUG) [--locale L] [--limit N] [--json] | ghee history show [--account ID] VERSION_ID [--json] | ghee history restore [--account ID] VERSION_ID [--publish] [--json]';

const OPTIONS = {
  account: { type: 'string' },
  page: { type: 'string' },
  item: { type: 'string' },
  post: { type: 'string' },
  locale: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  publish: { type: 'boolean' },
} as const;

/** `ghee history list|show|restore`: the versions of a page, item or post (docs/api.md §12.1), as an operator. */
export async function historyCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(rest, OPTIONS, USAGE);
  const subjects = [values.page, values.item, values.post].filter((v) => v !== undefined).length;
  const list = sub === 'list' && positionals.length === 0 && subjects === 1;
  if (!list && !((sub === 'show' || sub === 'restore') && positionals.length === 1 && subjects === 0))
    throw usage(USAGE);
  const account = await accountOption(store, values.account);
  const c: VersionsContext = {
    db: store.db,
    schema: await loadAccountSchema(store.db, account.id, account.schema_version),
    urls: io.config,
  };
  try {
    if (sub === 'list') {
      const limit = values.limit === undefined ? 20 : integer(values.limit, '--limit');
      if (limit < 1 || limit > 100) throw new CliError(cliMessages.limitRange(values.limit!), 2);
      const locale = values.post === undefined ? enabledLocale(c.schema, values.locale) : null;
      const { versions, count } = await listVersions(store.db, await subjectOf(c, values), locale, {
        limit,
        offset: 0,
      });
      io.out(values.json ? JSON.stringify({ count, data: versions }) : listText(versions, count));
      return 0;
    }
    const id = integer(positionals[0]!, 'VERSION_ID');
    // Looked up first, so that a missing version and a missing page or item say different things.
    await findVersion(store.db, account.id, id).catch((error: unknown) => {
      throw error instanceof GheeError ? new CliError(cliMessages.noVersion(account.id, id)) : error;
    });
    if (sub === 'show') {
      const version = await readVersion(c, id);
      io.out(
        values.json
          ? JSON.stringify(version)
          : `${line(version)}\n${version.name}\n${JSON.stringify(version.fields, null, 2)}`,
      );
      return 0;
    }
    const status = values.publish ? 'published' : 'draft';
    const { leftOut } = await restoreVersion({ ...c, actor: cliActor(), now: new Date() }, id, status);
    io.out(
      values.json
        ? JSON.stringify({ status, left_out: leftOut })
        : `restored version ${id} ${status === 'published' ? 'and published it' : 'as a draft'}` +
            (leftOut.length ? `\nleft out: ${leftOut.join(', ')}` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof GheeError) throw new CliError(error.message);
    throw error;
  }
}

/** The page, item or post a `list` names. */
function subjectOf(
  c: VersionsContext,
  values: { page?: string; item?: string; post?: string },
): Promise<VersionSubject> {
  if (values.post !== undefined) return postSubject(c.db, c.schema.accountId, values.post);
  const [first, second, ...more] = (values.page ?? values.item)!.split('/');
  if (!first || !second || more.length) throw usage(USAGE);
  if (values.page !== undefined) return pageSubject(c.db, c.schema, first, second);
  return itemSubject(c.db, c.schema, first, second);
}

/** One version as a line: id, when, locale, status, who, and what it restored. */
function line(v: VersionSummary): string {
  const restored = v.restored_from === null ? '' : `\trestored from ${v.restored_from}`;
  return `${v.id}\t${v.created}\t${v.locale ?? '-'}\t${v.status}\t${v.author.type}:${v.author.name}${restored}`;
}

function listText(versions: VersionSummary[], count: number): string {
  if (!versions.length) return 'no versions';
  const more = count > versions.length ? `\n(${versions.length} newest of ${count}; --limit shows up to 100)` : '';
  return versions.map(line).join('\n') + more;
}
