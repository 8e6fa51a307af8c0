import { sql, type Kysely } from 'kysely';

/** Which cache tags each content version changed: cross-node, precise response-cache eviction. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table content_changes (
    account_id integer not null references accounts(id) on delete cascade,
    version integer not null,
    tags text not null,
    primary key (account_id, version)
  )`.execute(db);
}
