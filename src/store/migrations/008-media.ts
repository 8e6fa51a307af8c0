import { sql, type Kysely } from 'kysely';

/**
 * Which media files each account uploaded through the dashboard: the files themselves are shared
 * on disk (named by their content), so the media library of an account is this list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table media (
    account_id integer not null references accounts(id) on delete cascade,
    name text not null,
    mime text not null,
    size integer not null,
    created text not null,
    primary key (account_id, name)
  )`.execute(db);
  await sql`create index media_account_created on media (account_id, created)`.execute(db);
}
