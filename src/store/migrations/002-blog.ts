import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/**
 * The blog: authors, categories, tags, versioned posts with their search documents, and the
 * leases the post scheduler takes. Every existing account gets its default author (its owner).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table authors (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    slug ${text} not null,
    first_name text not null,
    last_name text not null default '',
    email ${text} not null,
    bio text not null default '',
    title text not null default '',
    linkedin_url text not null default '',
    facebook_url text not null default '',
    instagram_url text not null default '',
    pinterest_url text not null default '',
    twitter_handle text not null default '',
    profile_image text not null default '',
    is_default integer not null default 0,
    created text not null,
    unique (account_id, slug),
    unique (account_id, email)
  )`.execute(db);
  // One default author per account: the owner, who writes the posts that name no author.
  await sql`create unique index authors_default on authors (account_id) where is_default = 1`.execute(db);

  for (const table of ['categories', 'tags']) {
    await sql`create table ${sql.raw(table)} (
      id ${id},
      account_id integer not null references accounts(id) on delete cascade,
      name ${text} not null,
      slug ${text} not null,
      unique (account_id, name),
      unique (account_id, slug)
    )`.execute(db);
  }

  await sql`create table posts (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    slug ${text} not null,
    created text not null
  )`.execute(db);
  // Also what decides two concurrent creates of one slug.
  await sql`create unique index posts_account_slug on posts (account_id, slug)`.execute(db);

  await sql`create table post_versions (
    post_id integer not null references posts(id) on delete cascade,
    channel text not null check (channel in ('published', 'latest')),
    status text not null check (status in ('draft', 'published', 'scheduled')),
    author_id integer not null references authors(id),
    title text not null,
    body text not null,
    summary text not null,
    seo_title text not null,
    meta_description text not null,
    featured_image text not null,
    featured_image_alt text not null,
    updated text not null,
    published text,
    scheduled text,
    primary key (post_id, channel)
  )`.execute(db);
  await sql`create index post_versions_author on post_versions (author_id, channel)`.execute(db);
  await sql`create index post_versions_due on post_versions (status, scheduled)`.execute(db);

  for (const [table, terms] of [
    ['post_categories', 'categories'],
    ['post_tags', 'tags'],
  ] as const) {
    await sql`create table ${sql.raw(table)} (
      post_id integer not null references posts(id) on delete cascade,
      channel text not null,
      term_id integer not null references ${sql.raw(terms)}(id) on delete cascade,
      position integer not null,
      primary key (post_id, channel, term_id)
    )`.execute(db);
    await sql`create index ${sql.raw(`${table}_term`)} on ${sql.raw(table)} (term_id, channel)`.execute(db);
  }

  await sql`create table post_search (
    post_id integer not null references posts(id) on delete cascade,
    channel text not null,
    title text not null,
    summary text not null,
    body text not null,
    primary key (post_id, channel)
  )`.execute(db);
  await dialect.createPostSearchIndex(db);

  await sql`create table leases (
    name ${text} primary key,
    holder text not null,
    expires text not null
  )`.execute(db);

  // The default author of every account that exists already (new accounts get theirs on creation).
  await sql`insert into authors (account_id, slug, first_name, email, is_default, created)
    select id, slug, name, lower(owner_email), 1, created from accounts`.execute(db);
}
