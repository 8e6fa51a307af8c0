import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { isoMicro, type Clock } from '../../time.js';
import { acquireLease, releaseLease } from './lease.js';
import { publishDuePosts } from './publish-due.js';

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
  /** Told of the posts each pass published. */
  onPublished?: (postIds: number[]) => void;
  /** Told of a pass that failed (the loop keeps going). */
  onError?: (error: unknown) => void;
}

/**
 * Publishes scheduled posts when their time comes. Every `intervalMs` it takes the database
 * lease (only one process holds it; a crashed holder's lease expires after `leaseMs`) and, when
 * held, publishes what is due. Reads never wait for it: a due post reads as published at once;
 * this makes it durable. `stop()` ends the loop, waits for a pass in flight and frees the lease.
 */
export class PostScheduler {
  readonly holder: string;
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions = {},
  ) {
    this.holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.intervalMs = options.intervalMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  /** Starts the loop: a first pass at once, then one every interval. */
  start(): void {
    this.stopped = false;
    this.next(0);
  }

  /**
   * One pass: null when another process holds the lease, else the ids of the posts it published.
   * Callable directly (tests, a CLI) as well as from the loop.
   */
  async tick(): Promise<number[] | null> {
    const now = this.clock();
    if (!(await acquireLease(this.db, SCHEDULER_LEASE, this.holder, now, this.leaseMs))) return null;
    const published = await publishDuePosts(this.db, isoMicro(now));
    if (published.length) this.options.onPublished?.(published);
    return published;
  }

  /** Ends the loop; resolves once a pass in flight has finished and the lease is free. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
    await releaseLease(this.db, SCHEDULER_LEASE, this.holder).catch((error: unknown) => this.options.onError?.(error));
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
