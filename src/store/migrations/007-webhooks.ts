import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/**
 * Webhooks and their delivery outbox. A delivery row is written in the same transaction as the
 * content change it reports, so a committed change always has its deliveries and a rolled-back
 * one has none; the dispatcher claims due rows with a lease (locked_by, locked_until).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table webhooks (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    url text not null,
    events text not null,
    headers text not null default '{}',
    secret text not null,
    enabled integer not null default 1,
    created text not null
  )`.execute(db);
  await sql`create index webhooks_account on webhooks (account_id)`.execute(db);

  await sql`create table webhook_deliveries (
    id ${id},
    webhook_id integer not null references webhooks(id) on delete cascade,
    event text not null,
    payload text not null,
    status text not null check (status in ('pending', 'failed', 'delivered', 'dead')),
    attempts integer not null default 0,
    next_attempt_at ${text} not null,
    retry_until ${text},
    locked_by text,
    locked_until ${text},
    last_status integer,
    last_error text,
    created ${text} not null,
    delivered_at text
  )`.execute(db);
  // The dispatcher's scan: due rows of the two statuses still to be sent.
  await sql`create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at)`.execute(db);
  await sql`create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, id)`.execute(db);
}
