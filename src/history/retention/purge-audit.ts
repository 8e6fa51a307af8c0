import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Records deleted per statement. */
const DELETE_CHUNK = 500;

/**
 * Deletes at most `maxDeletes` audit records older than `days` (AUDIT_RETENTION_DAYS), oldest
 * first over the audit_log_at index, in chunks. The database refuses deleting a record younger
 * than a day (migration 016), hence the setting's minimum of 1. Returns how many were deleted.
 */
export async function purgeOldAudit(
  db: Kysely<Database>,
  now: Date,
  days: number,
  maxDeletes: number,
): Promise<number> {
  const cutoff = isoMicro(new Date(now.getTime() - days * DAY_MS));
  let deleted = 0;
  while (deleted < maxDeletes) {
    const rows = await db
      .selectFrom('audit_log')
      .select('id')
      .where('at', '<', cutoff)
      .orderBy('at')
      .limit(Math.min(DELETE_CHUNK, maxDeletes - deleted))
      .execute();
    if (!rows.length) break;
    await db
      .deleteFrom('audit_log')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    deleted += rows.length;
  }
  return deleted;
}
