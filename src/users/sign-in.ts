import { userActor, type RequestOrigin } from '../audit/actor.js';
import { perMembership } from '../audit/per-membership.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Store } from '../store/database.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { attemptKeys, reserveAttempt, settleFailure, settleSuccess } from './sign-in-limiter.js';
import { findUserByEmail, summarizeUser, type UserSummary } from './users.js';

/** The longest email a failed attempt's record keeps (an address is at most 254 characters). */
const EMAIL_MAX = 254;

export type SignInResult =
  | { ok: true; user: UserSummary; token: string; csrfToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfter: number };

/**
 * Checks an email and password and starts a session. The attempt is counted before the password
 * is checked, and refused without checking it while the email or the client address is at its
 * limit, however many attempts arrive at once. An unknown email and a wrong password give the
 * same answer in about the same time.
 *
 * A checked attempt leaves audit records (`sign_in`, `sign_in_failed`) naming the email tried,
 * one per account of its user (none: one of no account); a refused one leaves none, so the
 * limiter bounds what guessing writes.
 */
export async function signIn(
  store: Store,
  input: { email: string; password: string; ip: string },
  now: Date,
  origin: RequestOrigin,
): Promise<SignInResult> {
  const { db } = store;
  const keys = attemptKeys(input.email, input.ip);
  const reservation = await reserveAttempt(store, keys, now);
  if (!reservation.ok) return { ok: false, reason: 'limited', retryAfter: reservation.retryAfter };
  let found;
  let user;
  try {
    found = await findUserByEmail(db, input.email);
    user = (await verifyPassword(found?.password_hash ?? null, input.password)) ? found : undefined;
  } catch (error) {
    // Counted as a failure: an attempt that broke must not become a free one.
    await settleFailure(db, reservation.id, now);
    throw error;
  }
  if (!user) {
    const tried = input.email.trim().toLowerCase().slice(0, EMAIL_MAX);
    await db.transaction().execute(async (trx) => {
      await settleFailure(trx, reservation.id, now);
      const target = { kind: 'session', action: 'sign_in_failed', targetId: found?.id ?? null, targetSlug: tried };
      await recordAudit(
        trx,
        userActor({ email: tried }, origin),
        await perMembership(trx, found?.id ?? null, target),
        now,
      );
    });
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
  const signedIn = user;
  const session = await db.transaction().execute(async (trx) => {
    const target = { kind: 'session', action: 'sign_in', targetId: signedIn.id, targetSlug: signedIn.email };
    await recordAudit(trx, userActor(signedIn, origin), await perMembership(trx, signedIn.id, target), now);
    return createSession(trx, signedIn.id, now);
  });
  return { ok: true, user: summarizeUser(user), ...session };
}
