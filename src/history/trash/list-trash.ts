import type { Kysely } from 'kysely';
import type { SubjectKind } from '../../store/history-tables.js';
import type { ContentTypeKind, Database } from '../../store/tables.js';
import { trashObject, type TrashObject } from './trash-object.js';
import type { EntrySnapshot } from './trash-snapshot.js';

/** A page of an account's trash, newest deleted first, with how many rows there are in all. */
export async function listTrash(
  db: Kysely<Database>,
  accountId: number,
  options: { kind?: SubjectKind; limit: number; offset: number },
): Promise<{ data: TrashObject[]; count: number }> {
  let base = db.selectFrom('trash').where('trash.account_id', '=', accountId);
  if (options.kind) base = base.where('trash.kind', '=', options.kind);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('content_types as t', 't.id', 'trash.type_id')
    .select([
      'trash.id',
      'trash.account_id',
      'trash.kind',
      'trash.subject_id',
      'trash.type_id',
      'trash.slug',
      'trash.name',
      'trash.deleted',
      'trash.actor_type',
      'trash.actor_name',
      'trash.purge_after',
      't.key as type_key',
      't.kind as type_kind',
    ])
    .orderBy('trash.deleted', 'desc')
    .orderBy('trash.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const gone = await goneTypes(
    db,
    rows.filter((r) => r.kind !== 'post' && r.type_key === null).map((r) => r.id),
  );
  const data = rows.map(({ type_key, type_kind, ...row }) =>
    trashObject({
      ...row,
      type: type_key !== null && type_kind !== null ? { key: type_key, kind: type_kind } : (gone.get(row.id) ?? null),
    }),
  );
  return { data, count: Number(total.n) };
}

/** The page type or collection of rows whose type is gone since, as their snapshots name it. */
async function goneTypes(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, { key: string; kind: ContentTypeKind }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('trash').select(['id', 'snapshot']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, (JSON.parse(r.snapshot) as EntrySnapshot).type]));
}
