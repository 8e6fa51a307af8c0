import { sql, type Kysely } from 'kysely';

/**
 * A sign-in attempt is counted before its password is checked: its rows carry the attempt's id
 * while the check runs, so a right password can take back exactly its own rows and clear only
 * settled failures (attempt null), never another attempt still in flight.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sign_in_failures add column attempt text`.execute(db);
  await sql`create index sign_in_failures_attempt on sign_in_failures (attempt)`.execute(db);
}
