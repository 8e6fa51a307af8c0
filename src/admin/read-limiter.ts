import type { AppContext } from '../http/context.js';
import type { Clock } from '../time.js';

// Dashboard reads are not API calls (ButterCMS meters its API, not its dashboard), so they do not
// count against the monthly quota and still work when /v2 answers 429. What keeps the admin API
// from serving as an unmetered Content API instead is this limit per signed-in user: a human
// browsing the dashboard stays far below it; a website reading content through it does not.

/** Users whose bucket is full are forgotten once this many are known, so memory stays bounded. */
const FORGET_AT = 10_000;

/**
 * A token bucket per user over every session of theirs: `perMinute` reads at once, refilled at
 * `perMinute` a minute. Kept in memory, per process: with N nodes a user may read N times as much.
 */
export class ReadLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Takes one read for the user: 0 when allowed, else the whole seconds until one is. */
  take(userId: number): number {
    const now = this.clock().getTime();
    const bucket = this.buckets.get(userId) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute));
    bucket.tokens -= 1;
    if (this.buckets.size > FORGET_AT) this.forgetFull(now);
    return 0;
  }

  private forgetFull(now: number): void {
    for (const [userId, b] of this.buckets) {
      if (b.tokens + ((now - b.at) * this.perMinute) / 60_000 >= this.perMinute) this.buckets.delete(userId);
    }
  }
}

const limiters = new WeakMap<AppContext, ReadLimiter>();

/** The server's limiter (one per app, made on first use from ADMIN_READS_PER_MINUTE). */
export function readLimiterOf(ctx: AppContext): ReadLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) limiters.set(ctx, (limiter = new ReadLimiter(ctx.config.adminReadsPerMinute, ctx.clock)));
  return limiter;
}
