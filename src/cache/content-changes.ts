import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** How many change rows an account keeps; a node further behind drops its whole cache for it. */
const KEEP = 1000;

/**
 * Records a content change in the writing transaction: bumps the account's content version (read
 * with the token on every request) and stores which cache tags the change touches, so every node
 * evicts exactly those answers when it next sees the new version.
 */
export async function recordChange(trx: Kysely<Database>, accountId: number, tags: Iterable<string>): Promise<number> {
  const row = await trx
    .updateTable('accounts')
    .set({ content_version: sql`content_version + 1` })
    .where('id', '=', accountId)
    .returning('content_version')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('content_changes')
    .values({ account_id: accountId, version: row.content_version, tags: [...new Set(tags)].join(' ') })
    .execute();
  if (row.content_version % 100 === 0) {
    await trx
      .deleteFrom('content_changes')
      .where('account_id', '=', accountId)
      .where('version', '<=', row.content_version - KEEP)
      .execute();
  }
  return row.content_version;
}

/** The tags changed after `version`, or null when those changes are no longer all kept. */
export async function changedTagsSince(
  db: Kysely<Database>,
  accountId: number,
  version: number,
  upTo: number,
): Promise<string[] | null> {
  const rows = await db
    .selectFrom('content_changes')
    .select(['version', 'tags'])
    .where('account_id', '=', accountId)
    .where('version', '>', version)
    .where('version', '<=', upTo)
    .execute();
  if (rows.length < upTo - version) return null;
  return rows.flatMap((r) => (r.tags ? r.tags.split(' ') : []));
}
