import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/**
 * Version history, the trash and the audit log (docs/api.md §11, src/history/, src/audit/).
 * Versions and trash rows name their entry or post by id without a foreign key: they outlive it
 * (a deleted entry's history stays with its trash row). Audit records outlive everything, and the
 * database itself refuses to change them: no update ever, and no delete of one younger than a day
 * (retention deletes only old ones).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table versions (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    kind text not null check (kind in ('page', 'item', 'post')),
    subject_id integer not null,
    type_id integer,
    locale ${text} not null,
    status text not null,
    name ${text} not null,
    slug ${text},
    fields text not null,
    hash text not null,
    actor_type text not null,
    actor_name text not null,
    restored_from integer,
    request_id text,
    created text not null
  )`.execute(db);
  await sql`create index versions_subject on versions (account_id, kind, subject_id, locale, id)`.execute(db);
  await sql`create index versions_created on versions (account_id, created)`.execute(db);

  await sql`create table trash (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    kind text not null check (kind in ('page', 'item', 'post')),
    subject_id integer not null,
    type_id integer,
    slug ${text},
    name ${text} not null,
    snapshot text not null,
    deleted text not null,
    actor_type text not null,
    actor_name text not null,
    purge_after text not null,
    unique (account_id, kind, subject_id)
  )`.execute(db);
  await sql`create index trash_purge on trash (purge_after)`.execute(db);

  await sql`create table audit_log (
    id ${id},
    account_id integer,
    at text not null,
    actor_type text not null,
    actor_name text not null,
    action text not null,
    kind text not null,
    target_id text,
    target_slug ${text},
    request_id text,
    client text,
    detail text
  )`.execute(db);
  await sql`create index audit_log_account on audit_log (account_id, id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  await appendOnly(db, dialect);
}

async function appendOnly(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect.name === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit records are append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_early_delete before delete on audit_log
      when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')
      begin select raise(abort, 'audit records are append-only'); end`.execute(db);
    return;
  }
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' or old.at > to_char(now() at time zone 'utc' - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') then
        raise exception 'audit records are append-only';
      end if;
      return old;
    end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}
