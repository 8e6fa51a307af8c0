import type { SubjectKind } from '../../store/history-tables.js';
import type { WriteContext } from '../../content/write/write-context.js';
import { trashErrors } from '../../errors/index.js';
import { isForeignKeyViolation } from '../../store/foreign-key-violation.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { restoreEntry } from './restore-entry.js';
import { restorePost } from './restore-post.js';
import { takeTrashRow, type TrashRef, type TrashRow } from './take-trash-row.js';

/** What a restore brought back. */
export interface Restored {
  kind: SubjectKind;
  id: number;
  slug: string | null;
}

/**
 * Brings a deleted page, item or post back from the trash, in one transaction: the same id (so
 * references to it from other entries work again), every version, its history in `versions`
 * as it was; the trash row goes. Refused with 409, changing nothing, when its slug was taken
 * meanwhile or its page type or collection is gone; 404 for a row the account does not have.
 */
export async function restoreFromTrash(
  c: WriteContext,
  ref: TrashRef,
  now = new Date(),
  retried = false,
): Promise<Restored> {
  let taken: TrashRow | undefined;
  try {
    return await c.db.transaction().execute(async (trx) => {
      const row = (taken = await takeTrashRow(trx, c.schema.accountId, ref));
      if (row.kind === 'post') await restorePost(trx, row, c.actor, now);
      else await restoreEntry(trx, c.schema, row, c.actor, now);
      return { kind: row.kind, id: row.subject_id, slug: row.slug };
    });
  } catch (error) {
    // A create of the same slug committed between the check and the insert: the index decides.
    if (isUniqueViolation(error) && taken?.slug)
      throw taken.kind === 'post' ? trashErrors.postSlugTaken(taken.slug) : trashErrors.pageSlugTaken(taken.slug);
    // A category or tag it links was deleted meanwhile (PostgreSQL): once more, it is created anew.
    if (isForeignKeyViolation(error) && !retried) return restoreFromTrash(c, ref, now, true);
    throw error;
  }
}
