import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { perMembership } from '../audit/per-membership.js';
import { recordAudit } from '../audit/record-audit.js';
import { sameHash } from '../accounts/token-secret.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/** A session ends after this long unused... */
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
/** ...and at the latest this long after sign-in, however busy. */
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
// Moving the idle expiry on every request would be a write per request; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/** The signed-in user behind a session cookie. */
export interface SessionUser {
  /** The stored id (the token's hash), to end this session. */
  sessionId: string;
  userId: number;
  email: string;
  name: string;
  csrfToken: string;
  /** An install operator (`ghee user set-operator`): may set any plan and monthly call limit. */
  operator: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: the form of session and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Starts a session; the token goes in the cookie and is stored only as its hash. */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const stamp = isoMicro(now);
  // Sign-ins are rare, so they sweep the expired sessions of everyone.
  await db.deleteFrom('sessions').where('expires', '<=', stamp).execute();
  await db
    .insertInto('sessions')
    .values({
      id: hashOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created: stamp,
      expires: isoMicro(new Date(now.getTime() + SESSION_IDLE_MS)),
      last_seen: stamp,
    })
    .execute();
  return { token, csrfToken };
}

/** The live session of a cookie token, or null (unknown, ended or expired). Moves its idle expiry. */
export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | null> {
  if (!TOKEN.test(token)) return null;
  const id = hashOf(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.created', 's.last_seen', 'u.email', 'u.name', 'u.operator'])
    .where('s.id', '=', id)
    .where('s.expires', '>', isoMicro(now))
    .executeTakeFirst();
  // The index found the row; the constant-time comparison keeps the final check free of timing.
  if (!row || !sameHash(row.id, id)) return null;
  if (now.getTime() - Date.parse(row.last_seen) > TOUCH_EVERY_MS) {
    const cap = Date.parse(row.created) + SESSION_MAX_MS;
    const expires = isoMicro(new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)));
    await db
      .updateTable('sessions')
      .set({ last_seen: isoMicro(now), expires })
      .where('id', '=', id)
      .execute();
  }
  return {
    sessionId: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    csrfToken: row.csrf_token,
    operator: row.operator === 1,
  };
}

/** Ends a session (sign-out), with its `sign_out` audit records: one per account of its user. */
export async function endSession(
  db: Kysely<Database>,
  session: Pick<SessionUser, 'sessionId' | 'userId' | 'email'>,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await trx.deleteFrom('sessions').where('id', '=', session.sessionId).executeTakeFirst();
    // Already ended by a sign-out racing this one: that one recorded it.
    if (ended.numDeletedRows === 0n) return;
    const target = { kind: 'session', action: 'sign_out', targetId: session.userId, targetSlug: session.email };
    await recordAudit(trx, actor, await perMembership(trx, session.userId, target), now);
  });
}
