import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { SubjectKind } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';

/** Versions deleted per statement. */
const DELETE_CHUNK = 500;

/** The versions of one page or item in one locale, or of one post, and what its plan keeps. */
export interface VersionGroup {
  accountId: number;
  kind: SubjectKind;
  subjectId: number;
  locale: string;
  /** How many of the newest are kept; null: any number. */
  kept: number | null;
  /** ISO time before which a version is too old; null: any age. */
  cutoff: string | null;
}

type VersionsQuery = SelectQueryBuilder<Database, 'versions', object>;

/**
 * Deletes at most `maxDeletes` of the group's versions its plan no longer keeps, never its
 * newest nor its newest published one, in chunks of one statement each. A save racing with it
 * only adds a newer version, which nothing here can select. Returns how many were deleted.
 */
export async function pruneGroup(db: Kysely<Database>, group: VersionGroup, maxDeletes: number): Promise<number> {
  const inGroup = (query: VersionsQuery) =>
    query
      .where('account_id', '=', group.accountId)
      .where('kind', '=', group.kind)
      .where('subject_id', '=', group.subjectId)
      .where('locale', '=', group.locale);
  const newest = await inGroup(db.selectFrom('versions'))
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const published = await inGroup(db.selectFrom('versions'))
    .select((eb) => eb.fn.max('id').as('id'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  // The newest version past the count kept: it and every older one are beyond the count.
  const beyond =
    group.kept === null
      ? undefined
      : await inGroup(db.selectFrom('versions'))
          .select('id')
          .orderBy('id', 'desc')
          .offset(group.kept)
          .limit(1)
          .executeTakeFirst();
  const keep = [newest?.id, published?.id].filter((id): id is number => typeof id === 'number');
  if (!beyond && group.cutoff === null) return 0;
  let deleted = 0;
  while (deleted < maxDeletes) {
    const ids = await inGroup(db.selectFrom('versions'))
      .select('id')
      .where('id', 'not in', keep.length ? keep : [0])
      .where((eb) => {
        const drop = [];
        if (beyond) drop.push(eb('id', '<=', beyond.id));
        if (group.cutoff !== null) drop.push(eb('created', '<', group.cutoff));
        return eb.or(drop);
      })
      .orderBy('id')
      .limit(Math.min(DELETE_CHUNK, maxDeletes - deleted))
      .execute();
    if (!ids.length) break;
    await db
      .deleteFrom('versions')
      .where(
        'id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    deleted += ids.length;
  }
  return deleted;
}
