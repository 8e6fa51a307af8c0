import type { Kysely } from 'kysely';
import type { Caller } from '../accounts/find-caller.js';
import { effectiveLimit, planNamed } from '../accounts/plans.js';
import { errors } from '../errors/index.js';
import type { Database } from '../store/tables.js';
import type { Clock } from '../time.js';
import { billingPeriodAt, secondsLeft, utcDay, type BillingPeriod } from './billing-period.js';
import { quotaStanding, rateLimitHeaders } from './rate-limit-headers.js';
import { addCalls, callsBetween } from './usage-store.js';

/** What this process knows of one account's calls. */
interface AccountCount {
  accountId: number;
  /** The period `baseline` was read for (its first day). */
  startDay: string;
  endDay: string;
  /** Calls in the database for that period, as last read (every node's flushed calls). */
  baseline: number;
  /** Calls counted here and not yet in the database, by UTC day. */
  pending: Map<string, number>;
  loading: Promise<void> | null;
  lastSeen: number;
}

/** Accounts idle this long (and fully flushed) are forgotten. */
const IDLE_MS = 10 * 60_000;

/**
 * Meters API calls (docs/api.md §5). Counting happens in memory, so no request waits on a
 * database write; counts are flushed every `flushMs` and the database total is re-read then,
 * which is how other nodes' calls are seen. On one node the limit holds exactly (the check and
 * the increment run without an await between them); across N nodes each may admit what it sees
 * as left during one flush interval, so the overshoot is at most the calls the other nodes make
 * in one interval (docs/quotas.md).
 */
export class Meter {
  private readonly counts = new Map<number, AccountCount>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly flushMs: number,
  ) {}

  /**
   * Starts the periodic flush (unref'd: it never keeps the process alive). A flush that fails (the
   * database is away) is told to `onError`; what it did not write stays pending for the next one.
   */
  start(onError: (error: unknown) => void = () => {}): void {
    this.timer ??= setInterval(() => void this.flush().catch(onError), this.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is still pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /**
   * Counts one call for the caller's account and returns the RateLimit headers, or throws the
   * 429 (not counted) when a blocking plan is at its limit.
   */
  async count(caller: Caller): Promise<Record<string, string>> {
    const now = this.clock();
    const plan = planNamed(caller.plan);
    const limit = effectiveLimit(plan, caller.monthlyCallLimit);
    const state = this.stateOf(caller.accountId, now);
    if (limit === null) {
      bump(state, utcDay(now));
      return {};
    }
    const period = billingPeriodAt(now, caller.billingAnchorDay);
    if (state.startDay !== period.startDay) await this.load(state, period);
    while (state.loading) await state.loading;
    // From here to the increment there is no await: concurrent calls cannot overshoot.
    const used = state.baseline + pendingWithin(state, period);
    if (plan?.blockedOverLimit && used >= limit) {
      throw errors.quotaExceeded(secondsLeft(period, now), quotaStanding(limit, 0, period, now));
    }
    bump(state, utcDay(now));
    return rateLimitHeaders(quotaStanding(limit, limit - used - 1, period, now));
  }

  /** Writes pending counts to the database and re-reads the totals of active accounts. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const now = this.clock().getTime();
    for (const [accountId, state] of this.counts) {
      // Each day's calls move from pending to the baseline as soon as they are committed, with no
      // await between: never counted twice nor missed, even when a later step of the flush fails.
      for (const [day, calls] of new Map(state.pending)) {
        await addCalls(this.db, accountId, day, calls);
        const left = (state.pending.get(day) ?? 0) - calls;
        if (left > 0) state.pending.set(day, left);
        else state.pending.delete(day);
        if (day >= state.startDay && day < state.endDay) state.baseline += calls;
      }
      // Accounts without a limit keep no baseline (startDay ''): nothing to re-read.
      for (let startDay = state.startDay; startDay !== ''; startDay = state.startDay) {
        const baseline = await callsBetween(this.db, accountId, startDay, state.endDay);
        if (state.startDay !== startDay) continue; // a new period was loaded meanwhile: read again
        state.baseline = baseline;
        break;
      }
      if (state.pending.size === 0 && now - state.lastSeen > IDLE_MS) this.counts.delete(accountId);
    }
  }

  private stateOf(accountId: number, now: Date): AccountCount {
    let state = this.counts.get(accountId);
    if (!state) {
      state = { accountId, startDay: '', endDay: '', baseline: 0, pending: new Map(), loading: null, lastSeen: 0 };
      this.counts.set(accountId, state);
    }
    state.lastSeen = now.getTime();
    return state;
  }

  private load(state: AccountCount, period: BillingPeriod): Promise<void> {
    state.loading ??= (async () => {
      try {
        const baseline = await callsBetween(this.db, state.accountId, period.startDay, period.endDay);
        state.startDay = period.startDay;
        state.endDay = period.endDay;
        state.baseline = baseline;
      } finally {
        state.loading = null;
      }
    })();
    return state.loading;
  }
}

function bump(state: AccountCount, day: string): void {
  state.pending.set(day, (state.pending.get(day) ?? 0) + 1);
}

function pendingWithin(state: AccountCount, period: BillingPeriod): number {
  let n = 0;
  for (const [day, calls] of state.pending) if (day >= period.startDay && day < period.endDay) n += calls;
  return n;
}
