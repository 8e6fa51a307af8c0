import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { forgetTrashed, type PurgedRow } from './forget-trashed.js';
import { takeTrashRow, type TrashRef } from './take-trash-row.js';
import { daysBefore } from './trash-days.js';

/** Trash rows purged per transaction. */
const CHUNK = 100;
/** Trash rows one pass of purgeExpiredTrash purges at most: the rest wait for the next pass. */
const MAX_EXPIRED_PER_PASS = 1_000;

/** Who purges the trash whose time is up (its audit records name it). */
export const TRASH_EXPIRY: Actor = { type: 'scheduler', name: 'trash expiry', requestId: null, client: null };

/** Purges one trash row for good: the row and its subject's history; 404 for one the account lacks. */
export async function purgeTrash(
  db: Kysely<Database>,
  accountId: number,
  ref: TrashRef,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await takeTrashRow(trx, accountId, ref);
    await forgetTrashed(trx, [row], actor, now);
  });
}

/** Purges for good the account's trash deleted at least `days` days ago (0: all of it). Returns how many. */
export async function purgeTrashOlderThan(
  db: Kysely<Database>,
  accountId: number,
  days: number,
  actor: Actor,
  now = new Date(),
): Promise<number> {
  const cutoff = daysBefore(now, days);
  return purgeInChunks(db, actor, now, Number.MAX_SAFE_INTEGER, { accountId, deletedBy: cutoff });
}

/**
 * Purges for good the trash rows of every account whose `purge_after` has passed (the history
 * retention pass calls it, under its lease), in chunks of 100 and at most 1,000 a call. Returns
 * how many.
 */
export async function purgeExpiredTrash(db: Kysely<Database>, now: Date): Promise<number> {
  const at = isoMicro(now);
  return purgeInChunks(db, TRASH_EXPIRY, now, MAX_EXPIRED_PER_PASS, { purgeBy: at });
}

/** Which trash rows a purge takes: an account's deleted by an instant, or any whose purge time has come. */
type PurgeFilter = { accountId: number; deletedBy: string } | { purgeBy: string };

/** Takes out the rows of `filter`, a chunk per transaction, until none is left or `max` are gone. */
async function purgeInChunks(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  max: number,
  filter: PurgeFilter,
): Promise<number> {
  let purged = 0;
  while (purged < max) {
    const size = Math.min(CHUNK, max - purged);
    const gone = await db.transaction().execute(async (trx) => {
      const ids = (await due(trx, filter).orderBy('id').limit(size).execute()).map((r) => r.id);
      if (!ids.length) return 0;
      const rows: PurgedRow[] = await trx
        .deleteFrom('trash')
        .where('id', 'in', ids)
        .returning(['account_id', 'kind', 'subject_id', 'type_id', 'slug'])
        .execute();
      await forgetTrashed(trx, rows, actor, now);
      return rows.length;
    });
    purged += gone;
    if (gone < size) break;
  }
  return purged;
}

function due(trx: Transaction<Database>, filter: PurgeFilter) {
  const query = trx.selectFrom('trash').select('id');
  return 'purgeBy' in filter
    ? query.where('purge_after', '<=', filter.purgeBy)
    : query.where('account_id', '=', filter.accountId).where('deleted', '<=', filter.deletedBy);
}
