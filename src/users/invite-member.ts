import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { InvitationError } from './invitation-error.js';
import { newInvitationToken } from './invitation-token.js';
import {
  EXPIRED_INVITATION_KEPT_MS,
  findInvitation,
  INVITATION_TTL_MS,
  MAX_INVITATIONS_PER_ACCOUNT,
  type Invitation,
} from './invitations.js';
import { mayManage, type Role } from './roles.js';
import { userMessages } from '../errors/index.js';
import { UserInputError } from './user-input-error.js';
import { normalizeEmail, normalizeName } from './users.js';

export interface InviteInput {
  email: string;
  role: Role;
  name?: string;
  /** Who invites: a member with their role (held to it), or null for the operator's CLI. */
  inviter: { userId: number; role: Role } | null;
}

/**
 * Invites an email into an account: a pending membership with a new one-time token, returned
 * this once (only its hash is stored). Inviting an email again replaces its invitation, so the
 * older link stops working. Nothing here depends on whether the email has a user on the install,
 * so the answer cannot tell; only a member of this very account is refused (the admin sees the
 * members anyway). No password is involved: the invitee chooses theirs when accepting. The
 * invitation's `member.invite` audit record (never its link) commits with it.
 */
export async function inviteMember(
  db: Kysely<Database>,
  accountId: number,
  input: InviteInput,
  actor: Actor,
  now: Date,
): Promise<{ invitation: Invitation; token: string }> {
  const email = normalizeEmail(input.email);
  const name = normalizeName(input.name);
  const { inviter, role } = input;
  if (inviter && !mayManage(inviter.role, null, role)) throw new InvitationError('role');
  const { token, hash } = newInvitationToken();
  const id = await db.transaction().execute(async (trx) => {
    // Locks the account row (PostgreSQL), so the count below and the insert cannot interleave.
    await trx
      .updateTable('accounts')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', accountId)
      .execute();
    await trx
      .deleteFrom('invitations')
      .where('account_id', '=', accountId)
      .where('expires', '<', isoMicro(new Date(now.getTime() - EXPIRED_INVITATION_KEPT_MS)))
      .execute();
    const member = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.role')
      .where('m.account_id', '=', accountId)
      .where('u.email', '=', email)
      .executeTakeFirst();
    if (member) throw new UserInputError(userMessages.alreadyMember(member.role), 'email');
    const pending = await trx
      .selectFrom('invitations')
      .select('role')
      .where('account_id', '=', accountId)
      .where('email', '=', email)
      .executeTakeFirst();
    // Replacing an invitation is changing it: nobody replaces one above their own role.
    if (pending && inviter && !mayManage(inviter.role, pending.role, role)) throw new InvitationError('role');
    if (!pending) {
      const count = await trx
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (Number(count?.n ?? 0) >= MAX_INVITATIONS_PER_ACCOUNT) {
        throw new UserInputError(userMessages.tooManyInvitations(MAX_INVITATIONS_PER_ACCOUNT), 'email');
      }
    }
    const row = {
      role,
      name,
      token_hash: hash,
      invited_by: inviter?.userId ?? null,
      created: isoMicro(now),
      expires: isoMicro(new Date(now.getTime() + INVITATION_TTL_MS)),
    };
    const saved = await trx
      .insertInto('invitations')
      .values({ account_id: accountId, email, ...row })
      .onConflict((oc) => oc.columns(['account_id', 'email']).doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    const detail = { role, invitation: saved.id, ...(pending && { replaced: true }) };
    await recordAudit(
      trx,
      actor,
      [{ accountId, action: 'member.invite', kind: 'user', targetSlug: email, detail }],
      now,
    );
    return saved.id;
  });
  return { invitation: (await findInvitation(db, accountId, id, now))!, token };
}
