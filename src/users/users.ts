import type { Kysely } from 'kysely';
import type { UserSummary } from '../shared/users.js';
import type { Database } from '../store/tables.js';
import type { User } from '../store/user-tables.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { isoMicro } from '../time.js';
import { checkPassword, hashPassword } from './passwords.js';
import { userMessages } from '../errors/index.js';
import { UserInputError } from './user-input-error.js';

export type { UserSummary };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The stored form of an email: trimmed and lowercased, so sign-in ignores case. Throws when malformed. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254 || email.includes('\u0000')) {
    throw new UserInputError(userMessages.notEmail(raw), 'email');
  }
  return email;
}

/** A user row without its password hash. */
export function summarizeUser(row: Pick<User, 'id' | 'email' | 'name' | 'created'>): UserSummary {
  return { id: row.id, email: row.email, name: row.name, created: row.created };
}

/** The stored form of a person's name: trimmed, at most 200 characters. Throws when it cannot be one. */
export function normalizeName(raw: string | undefined): string {
  const name = (raw ?? '').trim();
  if ([...name].length > 200 || name.includes('\u0000'))
    throw new UserInputError(userMessages.nameTooLong(200), 'name');
  return name;
}

/** Creates a user with a hashed password. Throws UserInputError for a bad or taken email or a bad password. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; password: string; name?: string },
  now = new Date(),
): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password);
  const name = normalizeName(input.name);
  const password_hash = await hashPassword(input.password);
  try {
    return await insertUser(db, { email, password_hash, name }, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserInputError(userMessages.emailTaken(email), 'email');
    throw error;
  }
}

/** Inserts a checked, normalised user whose password is already hashed (a unique violation when the email is taken). */
export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; password_hash: string; name: string },
  now: Date,
): Promise<UserSummary> {
  const row = await db
    .insertInto('users')
    .values({ ...user, created: isoMicro(now) })
    .returning(['id', 'email', 'name', 'created'])
    .executeTakeFirstOrThrow();
  return summarizeUser(row);
}

/** The user with that email (any case), or undefined. */
export async function findUserByEmail(db: Kysely<Database>, rawEmail: string): Promise<User | undefined> {
  const email = rawEmail.trim().toLowerCase();
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/**
 * Sets a user's password and signs them out everywhere (a new password is usually a response to
 * a leaked one). Returns false when no user has that email.
 */
export async function setPassword(db: Kysely<Database>, rawEmail: string, password: string): Promise<boolean> {
  checkPassword(password);
  const user = await findUserByEmail(db, rawEmail);
  if (!user) return false;
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  return true;
}
