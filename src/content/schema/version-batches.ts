import type { InferResult, Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { HoldingType } from './type-changes.js';

/** The stored versions of some entries with what rewriting them needs, in a stable order. */
function versionsOf(db: Kysely<Database>, entryIds: number[]) {
  return db
    .selectFrom('entry_versions')
    .innerJoin('entries', 'entries.id', 'entry_versions.entry_id')
    .innerJoin('content_types', 'content_types.id', 'entries.type_id')
    .select([
      'entry_versions.entry_id',
      'entries.slug',
      'content_types.kind',
      'content_types.key',
      'entry_versions.locale',
      'entry_versions.channel',
      'entry_versions.status',
      'entry_versions.name',
      'entry_versions.fields',
      'entry_versions.updated',
      'entry_versions.published',
    ])
    .where('entry_versions.entry_id', 'in', entryIds)
    .orderBy('entry_versions.entry_id')
    .orderBy('entry_versions.locale')
    .orderBy('entry_versions.channel');
}

/** A stored version with what rewriting it needs. */
export type VersionRow = InferResult<ReturnType<typeof versionsOf>>[number];

/** Entries read per batch: their versions (every locale and channel) come together. */
const ENTRIES_PER_BATCH = 100;

/**
 * Visits every version of the account's entries of `types`, a batch of entries at a time (memory
 * stays bounded whatever the account holds). `visit` returns false to stop early.
 */
export async function forEachVersionBatch(
  db: Kysely<Database>,
  accountId: number,
  types: HoldingType[],
  visit: (rows: VersionRow[]) => Promise<boolean | void>,
): Promise<void> {
  if (!types.length) return;
  const wanted = new Set(types.map((t) => `${t.kind}:${t.key}`));
  const typeRows = await db
    .selectFrom('content_types')
    .select(['id', 'kind', 'key'])
    .where('account_id', '=', accountId)
    .execute();
  const typeIds = typeRows.filter((t) => wanted.has(`${t.kind}:${t.key}`)).map((t) => t.id);
  if (!typeIds.length) return;
  for (let after = 0; ;) {
    const entries = await db
      .selectFrom('entries')
      .select('id')
      .where('type_id', 'in', typeIds)
      .where('id', '>', after)
      .orderBy('id')
      .limit(ENTRIES_PER_BATCH)
      .execute();
    if (!entries.length) return;
    after = entries.at(-1)!.id;
    const rows = await versionsOf(
      db,
      entries.map((e) => e.id),
    ).execute();
    if ((await visit(rows)) === false) return;
  }
}
