/** One billing month of an account: [start, end) in UTC, named by the month it starts in. */
export interface BillingPeriod {
  start: Date;
  end: Date;
  /** `YYYY-MM` of the start. */
  month: string;
  /** First and past-the-last day, `YYYY-MM-DD`, for the per-day usage rows. */
  startDay: string;
  endDay: string;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function period(start: Date, anchorDay: number): BillingPeriod {
  const end = utc(start.getUTCFullYear(), start.getUTCMonth() + 1, anchorDay);
  return { start, end, month: dayOf(start).slice(0, 7), startDay: dayOf(start), endDay: dayOf(end) };
}

/**
 * The billing month holding `now`: calendar months in UTC (anchor day 1), or months that start
 * on the account's anchor day (1..28, so every month has it).
 */
export function billingPeriodAt(now: Date, anchorDay = 1): BillingPeriod {
  // Asked on every API call: the period of the last call of each anchor day is usually it.
  const last = lastPeriods.get(anchorDay);
  const t = now.getTime();
  if (last && t >= last.start.getTime() && t < last.end.getTime()) return last;
  const found = computePeriodAt(now, anchorDay);
  lastPeriods.set(anchorDay, found);
  return found;
}

const lastPeriods = new Map<number, BillingPeriod>();

function computePeriodAt(now: Date, anchorDay: number): BillingPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const thisMonths = utc(year, month, anchorDay);
  return period(now >= thisMonths ? thisMonths : utc(year, month - 1, anchorDay), anchorDay);
}

/** The billing month that starts in `YYYY-MM`. */
export function billingPeriodOf(month: string, anchorDay = 1): BillingPeriod {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return period(utc(year, mm - 1, anchorDay), anchorDay);
}

/** Whole seconds from `now` to the end of the period, rounded up, at least 1. */
export function secondsLeft(p: BillingPeriod, now: Date): number {
  return Math.max(1, Math.ceil((p.end.getTime() - now.getTime()) / 1000));
}

/** The period's length in seconds (`w` of the RateLimit-Policy header). */
export function periodSeconds(p: BillingPeriod): number {
  return Math.round((p.end.getTime() - p.start.getTime()) / 1000);
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(now: Date): string {
  const t = now.getTime();
  if (t < lastDay.start || t >= lastDay.start + DAY_MS) {
    const start = t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
    lastDay = { start, text: dayOf(new Date(start)) };
  }
  return lastDay.text;
}

const DAY_MS = 86_400_000;
let lastDay = { start: -Infinity, text: '' };
