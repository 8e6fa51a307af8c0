import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { generatePassword } from './generate-password.js';
import { addMembership } from './memberships.js';
import { createUser } from './users.js';

/**
 * The first dashboard user of an install: owner of `accountId`, with a generated password that
 * the caller shows once (`ghee start` prints it). Returns null when users already exist, so an
 * install never gets a second, unasked-for owner.
 */
export async function createFirstOwner(
  db: Kysely<Database>,
  accountId: number,
  email: string,
): Promise<{ email: string; password: string } | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = generatePassword();
  const user = await createUser(db, { email, password, name: 'Owner' });
  await addMembership(db, user.id, accountId, 'owner');
  return { email: user.email, password };
}
