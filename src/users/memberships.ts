import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { AccountMembership, Member } from '../shared/users.js';
import type { Account, Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { userMessages } from '../errors/index.js';
import { UserInputError } from './user-input-error.js';
import type { Role } from './roles.js';

export type { AccountMembership, Member };

/** Makes a user a member of an account. Throws UserInputError when they already are one. */
export async function addMembership(
  db: Kysely<Database>,
  userId: number,
  accountId: number,
  role: Role,
  now = new Date(),
): Promise<void> {
  const existing = await roleIn(db, userId, accountId);
  if (existing) throw new UserInputError(userMessages.alreadyMember(existing), 'email');
  await db
    .insertInto('memberships')
    .values({ user_id: userId, account_id: accountId, role, created: isoMicro(now) })
    .execute();
}

/** The user's role in an account, or undefined when they are not a member. */
export async function roleIn(db: Kysely<Database>, userId: number, accountId: number): Promise<Role | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.role;
}

/** The account, with the user's role in it, when the user is a member of it; else undefined. */
export async function membershipIn(
  db: Kysely<Database>,
  userId: number,
  accountId: number,
): Promise<{ account: Account; role: Role } | undefined> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .selectAll('a')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { role, ...account } = row;
  return { account, role };
}

/** The members of an account, in the order they joined. */
export async function listMembers(db: Kysely<Database>, accountId: number): Promise<Member[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.created', 'm.role'])
    .where('m.account_id', '=', accountId)
    .orderBy('m.created')
    .orderBy('u.id')
    .execute();
}

/** The accounts a user belongs to, by account id. */
export async function membershipsOf(db: Kysely<Database>, userId: number): Promise<AccountMembership[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.slug', 'a.name', 'a.plan', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('a.id')
    .execute();
  return rows.map(({ role, ...account }) => ({ account, role }));
}

/**
 * Changes a member's role (`role`) or removes them (`null`), in one transaction that keeps at
 * least one owner in the account, with its `member.role` or `member.remove` audit record (the same
 * role again records nothing). Returns false when the user is not a member.
 */
export async function updateMembership(
  db: Kysely<Database>,
  userId: number,
  accountId: number,
  role: Role | null,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Locks the account row first (PostgreSQL), so two demotions at once cannot leave no owner.
    await trx
      .updateTable('accounts')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', accountId)
      .execute();
    const current = await roleIn(trx, userId, accountId);
    if (!current) return false;
    if (current === 'owner' && role !== 'owner') {
      const owners = await trx
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', '=', accountId)
        .where('role', '=', 'owner')
        .executeTakeFirst();
      if (Number(owners?.n ?? 0) <= 1) throw new UserInputError(userMessages.lastOwner, 'role');
    }
    if (role === null)
      await trx.deleteFrom('memberships').where('user_id', '=', userId).where('account_id', '=', accountId).execute();
    else
      await trx
        .updateTable('memberships')
        .set({ role })
        .where('user_id', '=', userId)
        .where('account_id', '=', accountId)
        .execute();
    if (role !== current) {
      const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
      const entry = { accountId, kind: 'user', targetId: userId, targetSlug: user.email };
      await recordAudit(trx, actor, [
        role === null
          ? { ...entry, action: 'member.remove', detail: { role: current } }
          : { ...entry, action: 'member.role', detail: { role, previous_role: current } },
      ]);
    }
    return true;
  });
}
