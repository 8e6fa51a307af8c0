import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { Clock } from '../../time.js';
import { acquireLease, releaseLease } from './lease.js';

/** How a leased loop runs. */
export interface LeasedLoopSettings {
  /** The lease every Ghee process on one database competes for. */
  lease: string;
  /** Time between passes, in milliseconds. */
  intervalMs: number;
  /** How long a taken lease lasts unless renewed; longer than a pass ever takes. */
  leaseMs: number;
  /** Who this process is, in the lease table (default: host, pid and a random part). */
  holder?: string;
  /** Told of a pass that failed (the loop keeps going). */
  onError?: (error: unknown) => void;
}

/**
 * A job that runs every `intervalMs` in the one process holding a database lease (a crashed
 * holder's lease expires after `leaseMs`): the post scheduler, history retention. `stop()` ends
 * the loop, waits for a pass in flight and frees the lease. The loop alone never keeps the
 * process alive.
 */
export abstract class LeasedLoop<T> {
  readonly holder: string;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly clock: Clock,
    private readonly settings: LeasedLoopSettings,
  ) {
    this.holder = settings.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** The job, run while holding the lease. */
  protected abstract run(now: Date): Promise<T>;

  /** Starts the loop: a first pass at once, then one every interval. */
  start(): void {
    this.stopped = false;
    this.next(0);
  }

  /** One pass: null when another process holds the lease. Callable directly (tests, a CLI). */
  async tick(): Promise<T | null> {
    const now = this.clock();
    if (!(await acquireLease(this.db, this.settings.lease, this.holder, now, this.settings.leaseMs))) return null;
    return this.run(now);
  }

  /** Ends the loop; resolves once a pass in flight has finished and the lease is free. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
    await releaseLease(this.db, this.settings.lease, this.holder).catch((error: unknown) =>
      this.settings.onError?.(error),
    );
  }

  private next(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pass = this.tick()
        .catch((error: unknown) => this.settings.onError?.(error))
        .finally(() => {
          this.pass = null;
          this.next(this.settings.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }
}
