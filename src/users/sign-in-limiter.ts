import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/** Failures counted within this window... */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** ...at most this many per email address (guessing one user's password)... */
export const MAX_FAILURES_PER_EMAIL = 5;
/** ...and this many per client address (trying many users), which offices behind one NAT share. */
export const MAX_FAILURES_PER_IP = 20;

/** The keys an attempt counts under, with their limits. */
export function attemptKeys(email: string, ip: string): { key: string; max: number }[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, max: MAX_FAILURES_PER_EMAIL },
    { key: `ip:${ip}`, max: MAX_FAILURES_PER_IP },
  ];
}

/**
 * Seconds until an attempt under these keys may be made, or 0 when it may be made now. Counts
 * live in the database, so the limit holds across every node and restart.
 */
export async function signInWait(db: Kysely<Database>, keys: { key: string; max: number }[], now: Date): Promise<number> {
  const since = isoMicro(new Date(now.getTime() - FAILURE_WINDOW_MS));
  let wait = 0;
  for (const { key, max } of keys) {
    const times = await db.selectFrom('sign_in_failures').select('at').where('key', '=', key).where('at', '>', since).orderBy('at').execute();
    if (times.length < max) continue;
    // Allowed again once enough of the failures have left the window to leave fewer than `max`.
    const freeing = times[times.length - max]!.at;
    wait = Math.max(wait, Math.ceil((Date.parse(freeing) + FAILURE_WINDOW_MS - now.getTime()) / 1000), 1);
  }
  return wait;
}

/**
 * Records a failed attempt under every key, and forgets every failure older than the window. The
 * table stays small: a blocked attempt records nothing, so it holds at most the limit per key.
 */
export async function recordFailure(db: Kysely<Database>, keys: { key: string }[], now: Date): Promise<void> {
  const since = isoMicro(new Date(now.getTime() - FAILURE_WINDOW_MS));
  await db.deleteFrom('sign_in_failures').where('at', '<=', since).execute();
  await db.insertInto('sign_in_failures').values(keys.map(({ key }) => ({ key, at: isoMicro(now) }))).execute();
}

/** A successful sign-in clears its email's failures (not its address's: others may share it). */
export async function clearFailures(db: Kysely<Database>, keys: { key: string }[]): Promise<void> {
  const emailKeys = keys.map((k) => k.key).filter((k) => k.startsWith('email:'));
  if (emailKeys.length) await db.deleteFrom('sign_in_failures').where('key', 'in', emailKeys).execute();
}
