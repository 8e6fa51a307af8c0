import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { Clock } from '../../time.js';
import { LeasedLoop } from './leased-loop.js';
import { applyDue, changedAnything, type AppliedChanges } from '../../scheduling/apply-due.js';

/** The lease every Ghee process on one database competes for. */
export const SCHEDULER_LEASE = 'post-scheduler';

/** How a scheduler runs; every option has a default. */
export interface SchedulerOptions {
  /** Time between passes, in milliseconds. */
  intervalMs?: number;
  /** How long a taken lease lasts unless renewed; longer than a pass ever takes. */
  leaseMs?: number;
  /** Who this process is, in the lease table (default: host, pid and a random part). */
  holder?: string;
  /** Told of what each pass changed, when it changed anything. */
  onApplied?: (changes: AppliedChanges) => void;
  /** Told of a pass that failed (the loop keeps going). */
  onError?: (error: unknown) => void;
}

/**
 * Applies scheduled changes (publications of pages, items and posts, and what goes off the air)
 * when their time comes, in the process holding the lease. Reads never wait for it: a read that
 * finds a change due applies it first (src/scheduling/schedule-gate.ts); this covers the rest.
 */
export class PostScheduler extends LeasedLoop<number[]> {
  constructor(
    db: Kysely<Database>,
    clock: Clock,
    private readonly options: SchedulerOptions = {},
  ) {
    super(db, clock, {
      lease: SCHEDULER_LEASE,
      intervalMs: options.intervalMs ?? 5_000,
      leaseMs: options.leaseMs ?? 30_000,
      holder: options.holder,
      onError: options.onError,
    });
  }

  /** The ids of the posts this pass published. */
  protected async run(now: Date): Promise<number[]> {
    const changes = await applyDue(this.db, now);
    if (changedAnything(changes)) this.options.onApplied?.(changes);
    return changes.postsPublished;
  }
}
