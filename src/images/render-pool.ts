import { imageErrors } from '../errors/index.js';

/** What a refused render tells the client to wait, in seconds. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Renders at most `size` at a time, with at most `maxQueue` more waiting in arrival order; past
 * that a render is refused at once (503 with Retry-After) instead of piling up memory and latency.
 * The renders themselves run on libuv's threads (sharp), so the event loop keeps serving meanwhile.
 */
export class RenderPool {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Renders started since the pool was made (tests and the benchmark count with it). */
  started = 0;

  constructor(
    readonly size: number,
    readonly maxQueue: number,
  ) {}

  /** Runs `work` once a place is free; rejects with the 503 when every place and the queue are taken. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      if (this.waiting.length >= this.maxQueue) throw imageErrors.busy(RETRY_AFTER_SECONDS);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.started++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next waiter, so `active` never drops below what runs.
      if (next) next();
      else this.active--;
    }
  }

  /** Renders running now. */
  get running(): number {
    return this.active;
  }

  /** Renders waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }
}
