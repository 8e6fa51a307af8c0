import type { ButterCMSError } from './errors.js';

/** What decides whether and when a failed attempt is tried again. */
export interface RetryPolicy {
  maxRetries: number;
  /** Longest Retry-After wait (ms) worth waiting out. */
  maxRetryWait: number;
  random: () => number;
}

/** First backoff step (ms); each later one doubles, up to {@link MAX_BACKOFF}. */
export const BASE_BACKOFF = 500;
/** Longest backoff step (ms), however many retries `maxRetries` allows. */
export const MAX_BACKOFF = 30_000;

/**
 * How long to wait before retry number `retry` (0 for the first) after `error`, or null to fail
 * now. Writes are never retried: a write that timed out may still have been applied.
 */
export function retryDelay(error: ButterCMSError, retry: number, isRead: boolean, policy: RetryPolicy): number | null {
  if (!isRead || retry >= policy.maxRetries) return null;
  if (error.status === 429) {
    // ButterCMS's 429 means the month's quota is spent; its Retry-After can be weeks. Wait only when short.
    if (error.retryAfter === null) return null;
    const wait = error.retryAfter * 1000;
    return wait <= policy.maxRetryWait ? wait : null;
  }
  if (error.status >= 500 || error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR')
    return backoff(retry, policy.random);
  return null;
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so retries
 * from many clients spread out but never come back at once.
 *
 * @example
 * backoff(0, () => 0.5) // 375: the 500 ms step, 250 fixed + 0.5 * 250
 */
export function backoff(retry: number, random: () => number): number {
  const step = Math.min(MAX_BACKOFF, BASE_BACKOFF * 2 ** retry);
  return Math.round(step / 2 + random() * (step / 2));
}
