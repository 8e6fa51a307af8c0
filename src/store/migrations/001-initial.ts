import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/** The first schema: accounts, tokens, locales, content types and versioned entries. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table accounts (
    id ${id},
    slug ${text} not null unique,
    name text not null,
    plan text not null,
    monthly_call_limit integer,
    billing_anchor_day integer not null default 1,
    owner_email text not null,
    schema_version integer not null default 1,
    content_version integer not null default 1,
    created text not null
  )`.execute(db);

  await sql`create table tokens (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    kind text not null check (kind in ('read', 'write')),
    hash text not null unique,
    prefix text not null,
    last4 text not null,
    label text not null default '',
    created text not null,
    last_used text,
    revoked_at text
  )`.execute(db);
  await sql`create index tokens_account on tokens (account_id)`.execute(db);

  await sql`create table locales (
    account_id integer not null references accounts(id) on delete cascade,
    slug ${text} not null,
    name text not null,
    is_default integer not null default 0,
    position integer not null default 0,
    primary key (account_id, slug)
  )`.execute(db);

  await sql`create table content_types (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    kind text not null check (kind in ('page_type', 'single_page', 'collection', 'component')),
    key ${text} not null,
    name text not null,
    fields text not null,
    unique (account_id, kind, key)
  )`.execute(db);

  await sql`create table entries (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    type_id integer not null references content_types(id) on delete cascade,
    slug ${text},
    created text not null
  )`.execute(db);
  // A page slug is unique within its type; this index also decides concurrent creates.
  await sql`create unique index entries_type_slug on entries (type_id, slug)`.execute(db);
  await sql`create index entries_account_slug on entries (account_id, slug)`.execute(db);

  await sql`create table entry_versions (
    entry_id integer not null references entries(id) on delete cascade,
    locale ${text} not null,
    channel text not null check (channel in ('published', 'latest')),
    status text not null check (status in ('draft', 'published')),
    name ${text} not null,
    fields text not null,
    updated text not null,
    published text,
    primary key (entry_id, locale, channel)
  )`.execute(db);
  await sql`create index entry_versions_order on entry_versions (locale, channel, published, entry_id)`.execute(db);

  await sql`create table field_values (
    entry_id integer not null references entries(id) on delete cascade,
    type_id integer not null,
    locale ${text} not null,
    channel text not null,
    path ${text} not null,
    text_value ${text},
    num_value double precision
  )`.execute(db);
  await sql`create index field_values_text on field_values (type_id, locale, channel, path, text_value, entry_id)`.execute(
    db,
  );
  await sql`create index field_values_num on field_values (type_id, locale, channel, path, num_value, entry_id)`.execute(
    db,
  );
  await sql`create index field_values_entry on field_values (entry_id, locale, channel)`.execute(db);

  await sql`create table refs (
    entry_id integer not null references entries(id) on delete cascade,
    locale ${text} not null,
    channel text not null,
    path ${text} not null,
    position integer not null,
    target_entry_id integer not null
  )`.execute(db);
  await sql`create index refs_entry on refs (entry_id, locale, channel, path)`.execute(db);
  await sql`create index refs_target on refs (target_entry_id)`.execute(db);

  await sql`create table search_docs (
    entry_id integer not null references entries(id) on delete cascade,
    type_id integer not null,
    locale ${text} not null,
    channel text not null,
    doc text not null,
    primary key (entry_id, locale, channel)
  )`.execute(db);
  await dialect.createSearchIndex(db);
}
