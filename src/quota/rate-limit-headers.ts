import { periodSeconds, secondsLeft, type BillingPeriod } from './billing-period.js';

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers-09) for a monthly quota:
 * `q` the limit, `w` the month's length, `r` the calls left after this one, `t` the seconds left.
 */
export function rateLimitHeaders(limit: number, remaining: number, period: BillingPeriod, now: Date): Record<string, string> {
  return {
    'ratelimit-policy': `"monthly";q=${limit};w=${periodSeconds(period)}`,
    ratelimit: `"monthly";r=${Math.max(0, remaining)};t=${secondsLeft(period, now)}`,
  };
}
