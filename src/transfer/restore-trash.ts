import type { Transaction } from 'kysely';
import type { AccountSchema } from '../content/account-schema.js';
import type { EntrySnapshot, PostSnapshot } from '../history/trash/trash-snapshot.js';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import type { ArchivedTrash } from './history-format.js';
import type { ImportedSubjects } from './imported-subjects.js';
import { portableSnapshot } from './portable-snapshot.js';
import { reserveEntryId, reservePostId } from './reserve-subject-id.js';
import { sanitizeSnapshot } from './sanitize-history.js';

/** The archive's trashed subjects brought in: by `entry:<id>` or `post:<id>` of the archive, their id here. */
export type TrashedIds = Map<string, number>;

/** The key a trashed subject goes by (pages and items share the entries' ids). */
export function trashedKey(kind: string, id: number): string {
  return `${kind === 'post' ? 'post' : 'entry'}:${id}`;
}

/**
 * Restores the archive's trash in the history step's transaction, restorable as it was: each
 * subject gets an id of its own here (reserve-subject-id.ts), its snapshot is placed there (type,
 * references, HTML sanitised) and its purge time is kept. A row the account already holds (same
 * subject kind, slug, name and time of delete: an archive imported again) is not added twice, nor
 * is one of a page type or collection the schema lacks, which could never be restored here.
 */
export async function restoreTrash(
  trx: Transaction<Database>,
  dialect: Dialect,
  schema: AccountSchema,
  rows: ArchivedTrash[],
  subjects: ImportedSubjects,
): Promise<TrashedIds> {
  const accountId = schema.accountId;
  const ids: TrashedIds = new Map();
  const placed: { row: ArchivedTrash; id: number; typeId: number | null }[] = [];
  for (const row of rows) {
    const type = row.kind === 'post' ? undefined : schema.byKey.get(row.type ?? '');
    if (row.kind !== 'post' && !type) continue;
    const held = await trx
      .selectFrom('trash')
      .select('id')
      .where('account_id', '=', accountId)
      .where('kind', '=', row.kind)
      .where('deleted', '=', row.deleted)
      .where('name', '=', row.name)
      .where((eb) => (row.slug === null ? eb('slug', 'is', null) : eb('slug', '=', row.slug)))
      .executeTakeFirst();
    if (held) continue;
    const id = type
      ? await reserveEntryId(trx, dialect, accountId, type.id, row.subject_id)
      : await reservePostId(trx, accountId);
    ids.set(trashedKey(row.kind, row.subject_id), id);
    placed.push({ row, id, typeId: type?.id ?? null });
  }
  const map = (id: number) => subjects.entryIds.get(id) ?? ids.get(trashedKey('page', id)) ?? null;
  for (const { row, id, typeId } of placed) {
    const snapshot = portableSnapshot(row.kind, row.snapshot, schema, { subjectId: id, typeId: typeId ?? 0, map });
    await sanitizeSnapshot(row.kind, snapshot, schema, `trash.json: ${row.kind} ${row.slug ?? row.subject_id}`);
    await trx
      .insertInto('trash')
      .values({
        account_id: accountId,
        kind: row.kind,
        subject_id: id,
        type_id: typeId,
        slug: row.slug,
        name: row.name,
        snapshot: JSON.stringify(snapshot satisfies EntrySnapshot | PostSnapshot),
        deleted: row.deleted,
        actor_type: row.deleted_by.type,
        actor_name: row.deleted_by.name,
        purge_after: row.purge_after,
      })
      .execute();
  }
  return ids;
}
