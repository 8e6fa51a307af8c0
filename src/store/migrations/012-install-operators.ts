import { sql, type Kysely } from 'kysely';

/**
 * Install operators: users who, besides their roles in accounts, may set any account's plan and
 * monthly call limit from the dashboard. Only the CLI (`ghee user set-operator`) sets the flag.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column operator integer not null default 0`.execute(db);
}
