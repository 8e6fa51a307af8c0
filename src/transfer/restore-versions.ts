import type { Transaction } from 'kysely';
import type { AccountSchema } from '../content/account-schema.js';
import { chunks, LOOKUP_CHUNK } from '../content/write/reference-limits.js';
import { contentHash } from '../history/record-version.js';
import type { Database } from '../store/tables.js';
import type { ArchivedHistoryVersion } from './history-format.js';
import type { ImportedSubjects } from './imported-subjects.js';
import { mapReferences } from './map-references.js';
import { trashedKey, type TrashedIds } from './restore-trash.js';
import { sanitizeVersionFields } from './sanitize-history.js';

/**
 * Restores the archive's versions in the history step's transaction, oldest first, so they keep
 * their order (newest last) under new ids; `restored_from` follows. Versions go with the subjects
 * the import wrote, and with its trash rows: an entry or post the account kept (`skip`) keeps
 * its own history; one the import replaced gives its history up for the archive's. References
 * in fields follow the ids the import used, and rich text is sanitised. Returns how many.
 */
export async function restoreVersions(
  trx: Transaction<Database>,
  schema: AccountSchema,
  versions: ArchivedHistoryVersion[],
  subjects: ImportedSubjects,
  trashed: TrashedIds,
): Promise<number> {
  const accountId = schema.accountId;
  for (const [kinds, ids] of [
    [['page', 'item'], subjects.replacedEntries],
    [['post'], subjects.replacedPosts],
  ] as const) {
    for (const slice of chunks([...ids], LOOKUP_CHUNK))
      await trx
        .deleteFrom('versions')
        .where('account_id', '=', accountId)
        .where('kind', 'in', kinds)
        .where('subject_id', 'in', slice)
        .execute();
  }
  const map = (id: number) => subjects.entryIds.get(id) ?? trashed.get(trashedKey('page', id)) ?? null;
  const rows = [];
  for (const v of versions) {
    const subjectId = subjectOf(v, subjects, trashed);
    if (subjectId === undefined) continue;
    const type = v.type === null ? undefined : schema.byKey.get(v.type);
    const fields = (type ? mapReferences(type.fields, v.fields, schema, map) : v.fields) as Record<string, unknown>;
    await sanitizeVersionFields(v.kind, fields, type, schema, `versions.json: version ${v.id}`);
    const text = JSON.stringify(fields);
    rows.push({
      number: v.id,
      restoredFrom: v.restored_from,
      row: {
        account_id: accountId,
        kind: v.kind,
        subject_id: subjectId,
        type_id: type?.id ?? null,
        locale: v.kind === 'post' ? '' : v.locale,
        status: v.status,
        name: v.name,
        slug: v.slug,
        fields: text,
        hash: contentHash(v.status, v.name, v.slug, text),
        actor_type: v.author.type,
        actor_name: v.author.name,
        restored_from: null,
        request_id: v.request_id,
        created: v.created,
      },
    });
  }
  const ids = new Map<number, number>();
  for (const slice of chunks(rows, LOOKUP_CHUNK)) {
    const made = await trx
      .insertInto('versions')
      .values(slice.map((r) => r.row))
      .returning('id')
      .execute();
    // Ids are handed out in the order of the rows inserted.
    const sorted = made.map((m) => m.id).sort((a, b) => a - b);
    slice.forEach((r, i) => ids.set(r.number, sorted[i]!));
  }
  for (const r of rows) {
    const from = r.restoredFrom === null ? undefined : ids.get(r.restoredFrom);
    if (from !== undefined)
      await trx.updateTable('versions').set({ restored_from: from }).where('id', '=', ids.get(r.number)!).execute();
  }
  return rows.length;
}

/** The subject's id here, or undefined when its history is not the import's to bring. */
function subjectOf(v: ArchivedHistoryVersion, subjects: ImportedSubjects, trashed: TrashedIds): number | undefined {
  if (v.trashed !== null) return trashed.get(trashedKey(v.kind, v.trashed));
  if (v.post !== null) return subjects.posts.get(v.post);
  const id = v.entry === null ? undefined : subjects.entryIds.get(v.entry);
  return id !== undefined && subjects.writtenEntries.has(id) ? id : undefined;
}
