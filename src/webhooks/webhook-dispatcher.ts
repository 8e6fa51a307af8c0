import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Store } from '../store/database.js';
import type { Clock } from '../time.js';
import { attemptDelivery } from './attempt-delivery.js';
import { claimDue } from './claim.js';
import { SEND_LIMITS } from './send-webhook.js';

/** How a dispatcher runs; the server fills these from its WEBHOOK_* settings. */
export interface DispatcherOptions {
  allowPrivate: boolean;
  maxAgeMs: number;
  backoffMs: number;
  pollMs: number;
  /** Deliveries attempted at once per pass. */
  batch?: number;
  holder?: string;
  onError?: (error: unknown) => void;
}

/**
 * Sends the outbox: every `pollMs` it claims due deliveries (a lease per row, so nodes on one
 * database never attempt the same one together) and attempts them in parallel. The first pass
 * runs at once, so deliveries left by a crashed process go out as soon as a node starts.
 * `stop()` ends the loop and waits for the attempts in flight.
 */
export class WebhookDispatcher {
  readonly holder: string;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: DispatcherOptions,
  ) {
    this.holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Starts the loop. */
  start(): void {
    this.stopped = false;
    this.next(0);
  }

  /** One pass: claims what is due and attempts it. Returns the ids attempted (tests call it directly). */
  async tick(): Promise<number[]> {
    // The lease outlasts an attempt's total timeout, so it never lapses while one is in flight.
    const leaseMs = SEND_LIMITS.timeoutMs * 3;
    const claimed = await claimDue(this.store, this.holder, this.clock(), leaseMs, this.options.batch ?? 10);
    const options = { ...this.options, holder: this.holder, now: this.clock };
    await Promise.all(
      claimed.map((d) =>
        attemptDelivery(this.store.db, d, options).catch((error: unknown) => this.options.onError?.(error)),
      ),
    );
    return claimed.map((d) => d.id);
  }

  /** Ends the loop; resolves once the pass in flight has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
  }

  private next(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pass = this.tick()
        .then((ids) => ids.length)
        .catch((error: unknown) => (this.options.onError?.(error), 0))
        .then((count) => {
          this.pass = null;
          // A full batch suggests more are due: go again at once rather than after the interval.
          this.next(count >= (this.options.batch ?? 10) ? 0 : this.options.pollMs);
        });
    }, delay);
    // The loop alone never keeps the process alive.
    this.timer.unref();
  }
}
