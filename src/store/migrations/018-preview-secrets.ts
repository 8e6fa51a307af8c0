import { sql, type Kysely } from 'kysely';

/**
 * Preview (docs/api.md §13.4, §13.5). Each account's preview-token key lives in a table of its own,
 * so no query of accounts (`selectAll` included) ever carries it: made at the first mint, replaced
 * whenever one of the account's API tokens is rotated or revoked, which ends every preview token
 * signed with the old one. The preview URL templates of the schema document: one per page type or
 * collection, and the blog's on its account. Null means none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table preview_secrets (
    account_id integer primary key references accounts(id) on delete cascade,
    secret text not null,
    created text not null
  )`.execute(db);
  await sql`alter table content_types add column preview_url text`.execute(db);
  await sql`alter table accounts add column blog_preview_url text`.execute(db);
}
