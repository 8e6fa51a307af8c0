import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { applyDue } from './apply-due.js';
import { nextDueAt } from './next-due.js';

/** Accounts remembered at most; past it the memory starts afresh (many tenants cannot grow it). */
const MAX_ACCOUNTS = 10_000;

/** What a read learns before it runs. */
export interface Settled {
  /** The account's content version now (moved when this call applied a due change). */
  contentVersion: number;
  /** When the account's answers next change by themselves (epoch ms), or null. */
  next: number | null;
}

/**
 * Makes reads see scheduled changes at their time without waiting for the scheduler: before a
 * read, a change that is due is applied (exactly once, whoever else tries: apply-due.ts), and
 * the answer may be cached until the next one. The account's next scheduled time is remembered
 * per content version: a schedule is a content write, which moves the version on every node, so
 * the memory is never stale and a read with nothing due costs no query.
 */
export class ScheduleGate {
  private readonly next = new Map<number, { version: number; at: number | null }>();
  /** The pass of each account under way: reads arriving meanwhile wait for it, not start their own. */
  private readonly applying = new Map<number, Promise<Settled>>();

  constructor(private readonly db: Kysely<Database>) {}

  async settle(accountId: number, contentVersion: number, now: Date): Promise<Settled> {
    let known = this.next.get(accountId);
    if (known?.version !== contentVersion) {
      const at = await nextDueAt(this.db, accountId);
      known = { version: contentVersion, at: at === null ? null : Date.parse(at) };
      if (this.next.size >= MAX_ACCOUNTS) this.next.clear();
      this.next.set(accountId, known);
    }
    if (known.at === null || known.at > now.getTime()) return { contentVersion, next: known.at };
    // Reads that find a pass under way wait for it; one still due after it (a pass begun before
    // its instant) runs the next. Between the check and the start nothing awaits, so one starts.
    for (let running = this.applying.get(accountId); running; running = this.applying.get(accountId)) {
      await running.catch(() => undefined);
      const after = this.next.get(accountId);
      if (after && (after.at === null || after.at > now.getTime()))
        return { contentVersion: after.version, next: after.at };
    }
    const done = this.apply(accountId, now).finally(() => this.applying.delete(accountId));
    this.applying.set(accountId, done);
    return done;
  }

  /** Applies what of the account is due at `now`, and learns its content version and next time. */
  private async apply(accountId: number, now: Date): Promise<Settled> {
    await applyDue(this.db, now, accountId);
    const account = await this.db
      .selectFrom('accounts')
      .select('content_version')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const at = await nextDueAt(this.db, accountId);
    const after = { version: account.content_version, at: at === null ? null : Date.parse(at) };
    this.next.set(accountId, after);
    return { contentVersion: after.version, next: after.at };
  }
}
