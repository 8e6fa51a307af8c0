import type { Store } from '../store/database.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { attemptKeys, reserveAttempt, settleFailure, settleSuccess } from './sign-in-limiter.js';
import { findUserByEmail, summarizeUser, type UserSummary } from './users.js';

export type SignInResult =
  | { ok: true; user: UserSummary; token: string; csrfToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfter: number };

/**
 * Checks an email and password and starts a session. The attempt is counted before the password
 * is checked, and refused without checking it while the email or the client address is at its
 * limit, however many attempts arrive at once. An unknown email and a wrong password give the
 * same answer in about the same time.
 */
export async function signIn(
  store: Store,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<SignInResult> {
  const { db } = store;
  const keys = attemptKeys(input.email, input.ip);
  const reservation = await reserveAttempt(store, keys, now);
  if (!reservation.ok) return { ok: false, reason: 'limited', retryAfter: reservation.retryAfter };
  let user;
  try {
    user = await findUserByEmail(db, input.email);
    if (!(await verifyPassword(user?.password_hash ?? null, input.password)) || !user) user = undefined;
  } catch (error) {
    // Counted as a failure: an attempt that broke must not become a free one.
    await settleFailure(db, reservation.id, now);
    throw error;
  }
  if (!user) {
    await settleFailure(db, reservation.id, now);
    return { ok: false, reason: 'invalid' };
  }
  await settleSuccess(db, reservation.id, keys);
  if (needsRehash(user.password_hash)) {
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password) })
      .where('id', '=', user.id)
      .execute();
  }
  const session = await createSession(db, user.id, now);
  return { ok: true, user: summarizeUser(user), ...session };
}
