import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../store/tables.js';
import { generatePassword } from '../users/generate-password.js';
import { addMembership, type Member } from '../users/memberships.js';
import type { Role } from '../users/roles.js';
import { userMessages } from '../errors/index.js';
import { UserInputError } from '../users/user-input-error.js';
import { createUser, findUserByEmail, normalizeEmail, summarizeUser } from '../users/users.js';

/**
 * `ghee user create`: the operator's way in (a first owner, a recovery), for whoever holds the
 * database anyway. A new email becomes a user with the password given or a generated one,
 * returned this once; an existing user joins as they are, and giving a password for them is
 * refused. The admin API never does this: there, people join by invitation and choose their own.
 * The membership and its `member.add` audit record commit together.
 */
export async function createUserAsOperator(
  db: Kysely<Database>,
  accountId: number,
  input: { email: string; role: Role; name?: string; password?: string },
  actor: Actor,
  now = new Date(),
): Promise<{ member: Member; password?: string }> {
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(db, email);
  let generated: string | undefined;
  let user;
  if (existing) {
    if (input.password !== undefined) throw new UserInputError(userMessages.existingUserKeepsPassword, 'password');
    user = summarizeUser(existing);
  } else {
    generated = input.password === undefined ? generatePassword() : undefined;
    user = await createUser(db, { email, password: input.password ?? generated!, name: input.name }, now);
  }
  const { id, email: added } = user;
  await db.transaction().execute(async (trx) => {
    await addMembership(trx, id, accountId, input.role, now);
    const entry = { accountId, action: 'member.add', kind: 'user', targetId: id, targetSlug: added };
    await recordAudit(trx, actor, [{ ...entry, detail: { role: input.role } }], now);
  });
  return { member: { ...user, role: input.role }, ...(generated !== undefined && { password: generated }) };
}
