import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { purgeExpiredTrash } from '../trash/purge-trash.js';
import { pruneVersions, type PruneBudget, type PruneCursor } from './prune-versions.js';
import { purgeOldAudit } from './purge-audit.js';

/** What retention keeps and how much one pass may do. */
export interface RetentionSettings {
  /** AUDIT_RETENTION_DAYS: audit records older than this go (at least 1). */
  auditRetentionDays: number;
  /** Groups of versions looked at and versions deleted per pass; audit records deleted per pass. */
  budget?: Partial<PruneBudget>;
}

/** What one pass removed. */
export interface RetentionReport {
  versions: number;
  audit: number;
  trash: number;
}

/** Bounds of one pass: a busy install catches up over several passes rather than in one long one. */
export const DEFAULT_BUDGET: PruneBudget = { maxGroups: 1_000, maxDeletes: 10_000 };

/**
 * One housekeeping pass (docs/api.md §12.4): purges trash past its purge_after, drops the
 * versions the plans no longer keep (resuming the round at `cursor`), deletes audit records
 * past the retention. Each step commits as it goes; a pass cut short loses nothing but time.
 */
export async function retentionPass(
  db: Kysely<Database>,
  now: Date,
  settings: RetentionSettings,
  cursor: PruneCursor | null,
): Promise<{ report: RetentionReport; cursor: PruneCursor | null }> {
  const budget = { ...DEFAULT_BUDGET, ...settings.budget };
  const trash = await purgeExpiredTrash(db, now);
  const pruned = await pruneVersions(db, now, cursor, budget);
  const audit = await purgeOldAudit(db, now, settings.auditRetentionDays, budget.maxDeletes);
  return { report: { versions: pruned.deleted, audit, trash }, cursor: pruned.cursor };
}
