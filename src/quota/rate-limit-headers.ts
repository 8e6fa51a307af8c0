import type { QuotaStanding } from '../errors/index.js';
import { periodSeconds, secondsLeft, type BillingPeriod } from './billing-period.js';

/** A monthly quota's standing at `now`, `remaining` the calls left after this one. */
export function quotaStanding(limit: number, remaining: number, period: BillingPeriod, now: Date): QuotaStanding {
  return {
    limit,
    remaining: Math.max(0, remaining),
    windowSeconds: periodSeconds(period),
    resetSeconds: secondsLeft(period, now),
  };
}

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers-09) for a monthly quota:
 * `q` the limit, `w` the month's length, `r` the calls left after this one, `t` the seconds left.
 */
export function rateLimitHeaders(standing: QuotaStanding): Record<string, string> {
  return {
    'ratelimit-policy': `"monthly";q=${standing.limit};w=${standing.windowSeconds}`,
    ratelimit: `"monthly";r=${standing.remaining};t=${standing.resetSeconds}`,
  };
}
