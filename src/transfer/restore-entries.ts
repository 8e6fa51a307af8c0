import { archivedTime } from './archived-time.js';
import type { Kysely, Transaction } from 'kysely';
import { recordChange } from '../cache/content-changes.js';
import { entryTags } from '../cache/tags.js';
import type { AccountSchema, ContentType } from '../content/account-schema.js';
import { fitReferenceList } from '../content/write/reference-limits.js';
import { deleteDerived, saveVersion } from '../content/write/save-version.js';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import type { ArchivedEntry } from './archive-format.js';
import { mapReferences } from './map-references.js';
import type { ConflictMode } from './restore-terms.js';

/** What restoreEntries did: the id each archived entry has here, and the entries it wrote. */
export interface RestoredEntries {
  /** By the archive's id: the entry written, or the account's one kept in its place (`skip`). */
  ids: Map<number, number>;
  written: { type: ContentType; id: number; replaced: boolean }[];
}

/**
 * Restores pages and collection items with all their versions, as they were stored (timestamps
 * included), in the caller's transaction. An entry keeps its id where the install has it free
 * (docs/api.md §8), else gets a new one; references are rewritten to the ids used (a `many` list
 * keeps a repeated target once and at most MAX_REFERENCES_PER_FIELD targets). A page with
 * the slug of one the account has (an item with an id it has) is kept or replaced per `mode`.
 * Returns the ids used, and the entries written (their history goes with them).
 */
export async function restoreEntries(
  trx: Transaction<Database>,
  dialect: Dialect,
  schema: AccountSchema,
  entries: ArchivedEntry[],
  mode: ConflictMode,
): Promise<RestoredEntries> {
  const ids = new Map<number, number>();
  const write: { entry: ArchivedEntry; type: ContentType; id: number; replace: boolean }[] = [];
  // Rows this import made: an item is matched by id, and an archive id may equal one given here
  // to another archive entry (its own id was taken), which is no existing item of the account.
  const made = new Set<number>();
  for (const entry of entries) {
    const type = schema.byKey.get(entry.type);
    if (!type) throw new Error(`The archive's entry ${entry.id} is of type ${entry.type}, which the schema lacks`);
    const found = await findExisting(trx, schema.accountId, type, entry);
    const existing = found !== undefined && !made.has(found) ? found : undefined;
    if (existing !== undefined) {
      ids.set(entry.id, existing);
      if (mode === 'replace') write.push({ entry, type, id: existing, replace: true });
      continue;
    }
    const free = !(await trx.selectFrom('entries').select('id').where('id', '=', entry.id).executeTakeFirst());
    // PostgreSQL's sequence knows nothing of the ids inserted explicitly before: move it past them.
    if (!free) await dialect.syncIdSequence(trx, 'entries');
    const row = await trx
      .insertInto('entries')
      .values({
        ...(free && { id: entry.id }),
        account_id: schema.accountId,
        type_id: type.id,
        slug: entry.slug,
        created: entry.created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(entry.id, row.id);
    made.add(row.id);
    write.push({ entry, type, id: row.id, replace: false });
  }
  await dialect.syncIdSequence(trx, 'entries');
  const map = (id: number) => ids.get(id) ?? null;
  // An archive from before the write rules may repeat a target or pass the cap: restored under them.
  const fit = (list: number[]) => fitReferenceList(list).ids;
  const tags: string[] = [];
  for (const { entry, type, id, replace } of write) {
    if (replace) await dropVersions(trx, id);
    const unpublishAt = archivedTime(entry.unpublish_at);
    await trx.updateTable('entries').set({ unpublish_at: unpublishAt }).where('id', '=', id).execute();
    for (const v of entry.versions) {
      const values = mapReferences(type.fields, v.fields, schema, map, fit) as Record<string, unknown>;
      await saveVersion(trx, schema, type, {
        entryId: id,
        slug: entry.slug,
        locale: v.locale,
        channel: v.channel,
        status: v.status,
        name: v.name,
        values,
        updated: v.updated,
        published: v.published,
        scheduled: archivedTime(v.scheduled),
      });
    }
    tags.push(...entryTags(type, id, [entry.slug]));
  }
  if (write.length) await recordChange(trx, schema.accountId, tags);
  return { ids, written: write.map(({ type, id, replace }) => ({ type, id, replaced: replace })) };
}

/** The account's entry an archived one collides with: a page by type and slug, an item by type and id. */
async function findExisting(
  db: Kysely<Database>,
  accountId: number,
  type: ContentType,
  entry: ArchivedEntry,
): Promise<number | undefined> {
  const query = db
    .selectFrom('entries')
    .select('id')
    .where('account_id', '=', accountId)
    .where('type_id', '=', type.id);
  const row =
    type.kind === 'collection'
      ? await query.where('id', '=', entry.id).executeTakeFirst()
      : await query.where('slug', '=', entry.slug).executeTakeFirst();
  return row?.id;
}

async function dropVersions(trx: Transaction<Database>, entryId: number): Promise<void> {
  const versions = await trx
    .selectFrom('entry_versions')
    .select(['locale', 'channel'])
    .where('entry_id', '=', entryId)
    .execute();
  for (const v of versions) await deleteDerived(trx, entryId, v.locale, v.channel);
  await trx.deleteFrom('entry_versions').where('entry_id', '=', entryId).execute();
}
