import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { acquireLease, releaseLease } from '../../blog/scheduler/lease.js';
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
 * nodes never prune the same rows at once. `stop()` ends the loop, waits for a pass in flight
 * and frees the lease.
 */
export class HistoryHousekeeper {
  readonly holder: string;
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private cursor: PruneCursor | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly options: HousekeeperOptions,
  ) {
    this.holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.intervalMs = options.intervalMs ?? 10 * 60_000;
    // Held from one pass to the next, so one node keeps the job; a crashed one's lapses.
    this.leaseMs = options.leaseMs ?? Math.max(2 * this.intervalMs, 60_000);
  }

  /** Starts the loop: a first pass at once, then one every interval. */
  start(): void {
    this.stopped = false;
    this.next(0);
  }

  /** One pass: null when another process holds the lease, else what it removed. */
  async tick(): Promise<RetentionReport | null> {
    const now = this.clock();
    if (!(await acquireLease(this.db, RETENTION_LEASE, this.holder, now, this.leaseMs))) return null;
    const { report, cursor } = await retentionPass(this.db, now, this.options, this.cursor);
    this.cursor = cursor;
    if (report.versions || report.audit || report.trash) this.options.onPruned?.(report);
    return report;
  }

  /** Ends the loop; resolves once a pass in flight has finished and the lease is free. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
    await releaseLease(this.db, RETENTION_LEASE, this.holder).catch((error: unknown) => this.options.onError?.(error));
  }

  private next(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pass = this.tick()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.pass = null;
          this.next(this.intervalMs);
        });
    }, delay);
    // The loop alone never keeps the process alive.
    this.timer.unref();
  }
}
