import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../store/database.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/** Failures counted within this window... */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** ...at most this many per email address (guessing one user's password)... */
export const MAX_FAILURES_PER_EMAIL = 5;
/** ...and this many per client address (trying many users), which offices behind one NAT share. */
export const MAX_FAILURES_PER_IP = 20;

/** A key an attempt counts under, with its limit. */
export interface AttemptKey {
  key: string;
  max: number;
}

/** The keys an attempt counts under, with their limits. */
export function attemptKeys(email: string, ip: string): AttemptKey[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, max: MAX_FAILURES_PER_EMAIL },
    { key: `ip:${ip}`, max: MAX_FAILURES_PER_IP },
  ];
}

/** An attempt counted before its password is checked: `id` names its rows; or the wait when refused. */
export type Reservation = { ok: true; id: string } | { ok: false; retryAfter: number };

/**
 * Counts an attempt under every key before its password is checked, or refuses it (with the
 * seconds to wait) when a key already has its limit within the window. The count and the insert
 * are one step per key on every node (a transaction holding the keys' locks), so attempts sent
 * all at once are counted one after another: at most `max` per key reach the password check.
 * A refused attempt records nothing. Counts live in the database: the limit holds across every
 * node and restart.
 */
export async function reserveAttempt(store: Store, keys: AttemptKey[], now: Date): Promise<Reservation> {
  const since = isoMicro(new Date(now.getTime() - FAILURE_WINDOW_MS));
  const id = randomBytes(16).toString('hex');
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockKeys(
      trx,
      keys.map((k) => k.key),
    );
    let wait = 0;
    for (const { key, max } of keys) {
      const times = await trx
        .selectFrom('sign_in_failures')
        .select('at')
        .where('key', '=', key)
        .where('at', '>', since)
        .orderBy('at')
        .execute();
      if (times.length < max) continue;
      // Allowed again once enough of them have left the window to leave fewer than `max`.
      const freeing = times[times.length - max]!.at;
      wait = Math.max(wait, Math.ceil((Date.parse(freeing) + FAILURE_WINDOW_MS - now.getTime()) / 1000), 1);
    }
    if (wait > 0) return { ok: false, retryAfter: wait };
    await trx
      .insertInto('sign_in_failures')
      .values(keys.map(({ key }) => ({ key, at: isoMicro(now), attempt: id })))
      .execute();
    return { ok: true, id };
  });
}

/**
 * A wrong password: the attempt's rows stay, as settled failures. Failures older than the window
 * are forgotten here; a refused attempt records nothing, so the table holds at most the limit per key.
 */
export async function settleFailure(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('sign_in_failures').set({ attempt: null }).where('attempt', '=', id).execute();
  const since = isoMicro(new Date(now.getTime() - FAILURE_WINDOW_MS));
  await db.deleteFrom('sign_in_failures').where('at', '<=', since).execute();
}

/**
 * The right password: the attempt's own rows go, and so do its email's settled failures (not its
 * address's: others may share it), unless other attempts on that email are still being checked:
 * then those failures stay, so a right password in the middle of a burst of guesses frees no
 * room for the rest of the burst.
 */
export async function settleSuccess(db: Kysely<Database>, id: string, keys: AttemptKey[]): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('attempt', '=', id).execute();
  const emailKeys = keys.map((k) => k.key).filter((k) => k.startsWith('email:'));
  if (emailKeys.length === 0) return;
  await db
    .deleteFrom('sign_in_failures')
    .where('key', 'in', emailKeys)
    .where('attempt', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sign_in_failures as pending')
            .select('pending.key')
            .whereRef('pending.key', '=', 'sign_in_failures.key')
            .where('pending.attempt', 'is not', null),
        ),
      ),
    )
    .execute();
}
