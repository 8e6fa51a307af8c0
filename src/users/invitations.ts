import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Invitation, InvitationView } from '../shared/users.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { invitationTokenHash } from './invitation-token.js';

/** An invitation can be accepted for this long after it was made (or last renewed). */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** Expired invitations stay listed (to renew or revoke) for this long, then go at the next invitation. */
export const EXPIRED_INVITATION_KEPT_MS = 30 * 24 * 3600_000;
/** At most this many invitations wait in one account at once. */
export const MAX_INVITATIONS_PER_ACCOUNT = 1000;

export type { Invitation, InvitationView };

function listQuery(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.email',
      'i.name',
      'i.role',
      'i.created',
      'i.expires',
      'u.id as inviter_id',
      'u.email as inviter_email',
      'u.name as inviter_name',
    ])
    .where('i.account_id', '=', accountId);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

function toInvitation(row: ListRow, now: Date): Invitation {
  const { inviter_id, inviter_email, inviter_name, ...rest } = row;
  const invited_by =
    inviter_id === null || inviter_email === null
      ? null
      : { id: inviter_id, email: inviter_email, name: inviter_name ?? '' };
  return { ...rest, expired: rest.expires <= isoMicro(now), invited_by };
}

/** The account's invitations, oldest first (expired ones too, marked, until they are swept). */
export async function listInvitations(db: Kysely<Database>, accountId: number, now: Date): Promise<Invitation[]> {
  const rows = await listQuery(db, accountId).orderBy('i.created').orderBy('i.id').execute();
  return rows.map((row) => toInvitation(row, now));
}

/** One invitation of the account, or undefined. */
export async function findInvitation(
  db: Kysely<Database>,
  accountId: number,
  id: number,
  now: Date,
): Promise<Invitation | undefined> {
  const row = await listQuery(db, accountId).where('i.id', '=', id).executeTakeFirst();
  return row && toInvitation(row, now);
}

/**
 * Deletes (revokes) an invitation of the account, with its `invitation.revoke` audit record;
 * false when there was none. Its link stops working at once.
 */
export async function deleteInvitation(
  db: Kysely<Database>,
  accountId: number,
  id: number,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('invitations')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .returning(['email', 'role'])
      .executeTakeFirst();
    if (!gone) return false;
    const detail = { role: gone.role, invitation: id };
    await recordAudit(trx, actor, [
      { accountId, action: 'invitation.revoke', kind: 'user', targetSlug: gone.email, detail },
    ]);
    return true;
  });
}

/** The pending, unexpired invitation of a link's token, as its page shows it; undefined otherwise. */
export async function viewInvitation(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<InvitationView | undefined> {
  const hash = invitationTokenHash(token);
  if (hash === null) return undefined;
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .leftJoin('users as invitee', 'invitee.email', 'i.email')
    .select([
      'i.email',
      'i.name',
      'i.role',
      'i.expires',
      'a.id as account_id',
      'a.name as account_name',
      'inviter.email as inviter_email',
      'inviter.name as inviter_name',
      'invitee.id as invitee_id',
    ])
    .where('i.token_hash', '=', hash)
    .where('i.expires', '>', isoMicro(now))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    expires: row.expires,
    account: { id: row.account_id, name: row.account_name },
    invited_by: row.inviter_email === null ? null : { email: row.inviter_email, name: row.inviter_name ?? '' },
    password_required: row.invitee_id === null,
  };
}
