import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { generatePassword } from './generate-password.js';
import { addMembership, type Member } from './memberships.js';
import { UserInputError } from './user-input-error.js';
import type { Role } from './roles.js';
import { createUser, findUserByEmail, normalizeEmail, summarizeUser } from './users.js';

/**
 * Adds someone to an account by email. A new email becomes a user, with the password given or a
 * generated one that is returned this once (Ghee sends no email; the admin passes it on). An
 * existing user keeps their password: giving one for them is refused.
 */
export async function addMember(
  db: Kysely<Database>,
  accountId: number,
  input: { email: string; role: Role; name?: string; password?: string },
  now = new Date(),
): Promise<{ member: Member; password?: string }> {
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(db, email);
  let generated: string | undefined;
  let user;
  if (existing) {
    if (input.password !== undefined) throw new UserInputError('This user already exists and keeps their own password', 'password');
    user = summarizeUser(existing);
  } else {
    generated = input.password === undefined ? generatePassword() : undefined;
    user = await createUser(db, { email, password: input.password ?? generated!, name: input.name }, now);
  }
  await addMembership(db, user.id, accountId, input.role, now);
  return { member: { ...user, role: input.role }, ...(generated !== undefined && { password: generated }) };
}
