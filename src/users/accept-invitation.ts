import type { Kysely, Transaction } from 'kysely';
import { userActor, type RequestOrigin } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../store/tables.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { isoMicro } from '../time.js';
import { InvitationError } from './invitation-error.js';
import { invitationTokenHash } from './invitation-token.js';
import { checkPassword, hashPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { messages, userMessages } from '../errors/index.js';
import { UserInputError } from './user-input-error.js';
import { findUserByEmail, insertUser, normalizeName, summarizeUser, type UserSummary } from './users.js';

export interface AcceptInput {
  /** The browser's signed-in user, if any. */
  signedIn: { userId: number; email: string } | null;
  /** A new user's own password (8 to 1024 characters); never given for an existing user. */
  password?: string;
  name?: string;
  /** The request that accepts, for the `member.accept` audit record (whose actor is the invitee). */
  origin?: RequestOrigin;
}

export interface Accepted {
  user: UserSummary;
  accountId: number;
  /** The new user's first session (a new user is signed in); null for an existing user. */
  session: { token: string; csrfToken: string } | null;
}

/** The `member.accept` record of the invitee joining with `role`, in the accept's transaction. */
async function recordAccept(
  trx: Transaction<Database>,
  joined: { accountId: number; userId: number; email: string; role: string },
  origin: RequestOrigin | undefined,
  now: Date,
): Promise<void> {
  const { accountId, userId, email, role } = joined;
  const entry = { accountId, action: 'member.accept', kind: 'user', targetId: userId, targetSlug: email };
  await recordAudit(trx, userActor({ email }, origin), [{ ...entry, detail: { role } }], now);
}

/** Takes the invitation, once: of two accepts at the same time one deletes the row, the other finds none. */
async function take(trx: Transaction<Database>, id: number, hash: string, now: Date): Promise<void> {
  const taken = await trx
    .deleteFrom('invitations')
    .where('id', '=', id)
    .where('token_hash', '=', hash)
    .where('expires', '>', isoMicro(now))
    .executeTakeFirst();
  if (taken.numDeletedRows === 0n) throw new InvitationError('gone');
}

/**
 * An existing user must sign in first, when the link still works: the email may have become a user
 * through a racing accept of this very link, whose loser must hear that the link is gone. Taking
 * the row in a transaction that always rolls back tells the two apart without a window.
 */
async function signInFirst(db: Kysely<Database>, id: number, hash: string, now: Date): Promise<never> {
  return db.transaction().execute(async (trx) => {
    await take(trx, id, hash, now);
    throw new InvitationError('sign_in');
  });
}

/**
 * Accepts an invitation through its link's token. An email that already has a user joins only
 * when that user is signed in in this browser, and keeps their password; a new email becomes a
 * user with the password and name given here (the inviter never chooses them), and is signed in.
 * Unknown, used, revoked and expired tokens are all `gone`.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  input: AcceptInput,
  now: Date,
): Promise<Accepted> {
  const hash = invitationTokenHash(token);
  const invitation =
    hash === null
      ? undefined
      : await db
          .selectFrom('invitations')
          .select(['id', 'account_id', 'email', 'role', 'name'])
          .where('token_hash', '=', hash)
          .where('expires', '>', isoMicro(now))
          .executeTakeFirst();
  if (!invitation || hash === null) throw new InvitationError('gone');
  if (input.signedIn && input.signedIn.email !== invitation.email) throw new InvitationError('other_user');
  const stamp = isoMicro(now);

  const existing = await findUserByEmail(db, invitation.email);
  if (existing) {
    if (!input.signedIn) await signInFirst(db, invitation.id, hash, now);
    if (input.password !== undefined) throw new UserInputError(userMessages.keepsPassword, 'password');
    if (input.name !== undefined) throw new UserInputError(userMessages.keepsName, 'name');
    await db.transaction().execute(async (trx) => {
      await take(trx, invitation.id, hash, now);
      // Already a member (made so meanwhile from the CLI): the role they have stays.
      const member = await trx
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', existing.id)
        .where('account_id', '=', invitation.account_id)
        .executeTakeFirst();
      if (!member)
        await trx
          .insertInto('memberships')
          .values({ user_id: existing.id, account_id: invitation.account_id, role: invitation.role, created: stamp })
          .execute();
      const joined = { accountId: invitation.account_id, userId: existing.id, email: existing.email };
      await recordAccept(trx, { ...joined, role: member?.role ?? invitation.role }, input.origin, now);
    });
    return { user: summarizeUser(existing), accountId: invitation.account_id, session: null };
  }

  if (!input.password) throw new UserInputError(messages.required, 'password');
  checkPassword(input.password);
  const name = normalizeName(input.name ?? invitation.name);
  // Hashed before the transaction: the slow part holds no lock.
  const password_hash = await hashPassword(input.password);
  const user = await db.transaction().execute(async (trx) => {
    await take(trx, invitation.id, hash, now);
    try {
      const user = await insertUser(trx, { email: invitation.email, password_hash, name }, now);
      await trx
        .insertInto('memberships')
        .values({ user_id: user.id, account_id: invitation.account_id, role: invitation.role, created: stamp })
        .execute();
      const joined = { accountId: invitation.account_id, userId: user.id, email: user.email, role: invitation.role };
      await recordAccept(trx, joined, input.origin, now);
      return user;
    } catch (error) {
      // The email got a user meanwhile: that user must sign in; the invitation stays (rolled back).
      if (isUniqueViolation(error)) throw new InvitationError('sign_in');
      throw error;
    }
  });
  return { user, accountId: invitation.account_id, session: await createSession(db, user.id, now) };
}
