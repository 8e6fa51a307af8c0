import type { Transaction } from 'kysely';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';

/** A placeholder row lives between two statements of the import's transaction: never read, never committed. */
const PLACEHOLDER_CREATED = '';

/**
 * An id for a trashed page or item an import brings: the archive's where this install has no
 * entry and no trash row of that id (as items keep theirs), else a new one. A restore puts the
 * entry back under this id, so it must never be handed out to another entry meanwhile: a
 * placeholder row takes it through the table's own id sequence (moved past it), then goes.
 */
export async function reserveEntryId(
  trx: Transaction<Database>,
  dialect: Dialect,
  accountId: number,
  typeId: number,
  want: number,
): Promise<number> {
  const taken =
    (await trx.selectFrom('entries').select('id').where('id', '=', want).executeTakeFirst()) ??
    (await trx
      .selectFrom('trash')
      .select('id')
      .where('kind', 'in', ['page', 'item'])
      .where('subject_id', '=', want)
      .executeTakeFirst());
  const row = await trx
    .insertInto('entries')
    .values({
      ...(!taken && { id: want }),
      account_id: accountId,
      type_id: typeId,
      slug: null,
      created: PLACEHOLDER_CREATED,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // PostgreSQL's sequence knows nothing of an id inserted explicitly: move it past.
  await dialect.syncIdSequence(trx, 'entries');
  await trx.deleteFrom('entries').where('id', '=', row.id).execute();
  return row.id;
}

/**
 * An id for a trashed post an import brings: always a new one from the table's sequence (a
 * post's id shows nowhere; the trash names it by slug), reserved as reserveEntryId does.
 */
export async function reservePostId(trx: Transaction<Database>, accountId: number): Promise<number> {
  const row = await trx
    .insertInto('posts')
    // No post may have a slug with spaces: the placeholder collides with none.
    .values({ account_id: accountId, slug: ' reserved by import ', created: PLACEHOLDER_CREATED })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('posts').where('id', '=', row.id).execute();
  return row.id;
}
