import type { Kysely } from 'kysely';
import { LeasedLoop } from '../../blog/scheduler/leased-loop.js';
import type { Database } from '../../store/tables.js';
import type { Clock } from '../../time.js';
import type { PruneCursor } from './prune-versions.js';
import { retentionPass, type RetentionReport, type RetentionSettings } from './retention-pass.js';

/** The lease every Ghee process on one database competes for to run retention. */
export const RETENTION_LEASE = 'history-retention';

/** How the housekeeper runs; every option but the settings has a default. */
export interface HousekeeperOptions extends RetentionSettings {
  /** Time between passes, in milliseconds (HISTORY_PRUNE_MS). */
  intervalMs?: number;
  /** How long a taken lease lasts unless renewed; longer than a pass ever takes. */
  leaseMs?: number;
  /** Who this process is, in the lease table (default: host, pid and a random part). */
  holder?: string;
  /** Told of what each pass removed, when it removed anything. */
  onPruned?: (report: RetentionReport) => void;
  /** Told of a pass that failed (the loop keeps going). */
  onError?: (error: unknown) => void;
}

/**
 * Runs retention (trash purge, version pruning, audit retention) every `intervalMs` in the one
 * process that holds the database lease, like the post scheduler: the others skip the pass, so
 * nodes never prune the same rows at once.
 */
export class HistoryHousekeeper extends LeasedLoop<RetentionReport> {
  private cursor: PruneCursor | null = null;

  constructor(
    db: Kysely<Database>,
    clock: Clock,
    private readonly options: HousekeeperOptions,
  ) {
    const intervalMs = options.intervalMs ?? 10 * 60_000;
    super(db, clock, {
      lease: RETENTION_LEASE,
      intervalMs,
      // Held from one pass to the next, so one node keeps the job; a crashed one's lapses.
      leaseMs: options.leaseMs ?? Math.max(2 * intervalMs, 60_000),
      holder: options.holder,
      onError: options.onError,
    });
  }

  /** What this pass removed. */
  protected async run(now: Date): Promise<RetentionReport> {
    const { report, cursor } = await retentionPass(this.db, now, this.options, this.cursor);
    this.cursor = cursor;
    if (report.versions || report.audit || report.trash) this.options.onPruned?.(report);
    return report;
  }
}
