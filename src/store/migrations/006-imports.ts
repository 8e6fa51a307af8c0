import { sql, type Kysely } from 'kysely';

/**
 * The steps of an import (an archive or a ButterCMS account) already committed into an account,
 * so that an interrupted import run again continues after the last committed step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table import_progress (
    account_id integer not null references accounts(id) on delete cascade,
    source text not null,
    step text not null,
    done text not null,
    detail text not null default '',
    primary key (account_id, source, step)
  )`.execute(db);
}
