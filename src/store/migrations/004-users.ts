import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/** Dashboard users, their roles in accounts, sessions and the sign-in rate limiter's failures. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table users (
    id ${id},
    email ${text} not null unique,
    password_hash text not null,
    name text not null default '',
    created text not null
  )`.execute(db);

  await sql`create table memberships (
    user_id integer not null references users(id) on delete cascade,
    account_id integer not null references accounts(id) on delete cascade,
    role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
    created text not null,
    primary key (user_id, account_id)
  )`.execute(db);
  await sql`create index memberships_account on memberships (account_id)`.execute(db);

  await sql`create table sessions (
    id ${text} primary key,
    user_id integer not null references users(id) on delete cascade,
    csrf_token text not null,
    created text not null,
    expires ${text} not null,
    last_seen text not null
  )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`create index sessions_expires on sessions (expires)`.execute(db);

  // Shared by every node through the database, so the limit holds however many serve.
  await sql`create table sign_in_failures (
    key ${text} not null,
    at ${text} not null
  )`.execute(db);
  await sql`create index sign_in_failures_key on sign_in_failures (key, at)`.execute(db);
  await sql`create index sign_in_failures_at on sign_in_failures (at)`.execute(db);
}
