import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { attemptKeys, clearFailures, recordFailure, signInWait } from './sign-in-limiter.js';
import { findUserByEmail, summarizeUser, type UserSummary } from './users.js';

export type SignInResult =
  | { ok: true; user: UserSummary; token: string; csrfToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfter: number };

/**
 * Checks an email and password and starts a session. Refused without checking the password
 * while the email or the client address has too many recent failures. An unknown email and a
 * wrong password give the same answer in about the same time.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string; ip: string }, now: Date): Promise<SignInResult> {
  const keys = attemptKeys(input.email, input.ip);
  const wait = await signInWait(db, keys, now);
  if (wait > 0) return { ok: false, reason: 'limited', retryAfter: wait };
  const user = await findUserByEmail(db, input.email);
  if (!(await verifyPassword(user?.password_hash ?? null, input.password)) || !user) {
    await recordFailure(db, keys, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, keys);
  if (needsRehash(user.password_hash)) {
    await db.updateTable('users').set({ password_hash: await hashPassword(input.password) }).where('id', '=', user.id).execute();
  }
  const session = await createSession(db, user.id, now);
  return { ok: true, user: summarizeUser(user), ...session };
}
