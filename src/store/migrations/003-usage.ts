import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/** API calls per account per UTC day; billing months are sums of days. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await sql`create table api_usage (
    account_id integer not null references accounts(id) on delete cascade,
    day ${sql.raw(dialect.binaryText)} not null,
    calls integer not null,
    primary key (account_id, day)
  )`.execute(db);
}
