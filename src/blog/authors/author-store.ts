import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AuthorRow } from './author-object.js';

/** An account's authors in the order they were created, oldest first (the owner first), as ButterCMS lists them. */
export async function listAuthors(db: Kysely<Database>, accountId: number): Promise<AuthorRow[]> {
  return db
    .selectFrom('authors')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created')
    .orderBy('id')
    .execute();
}

/** One author by slug, or undefined (also for a slug no author can have). */
export async function authorBySlug(
  db: Kysely<Database>,
  accountId: number,
  slug: string,
): Promise<AuthorRow | undefined> {
  if (slug.includes('\u0000')) return undefined;
  return db
    .selectFrom('authors')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Authors by id, in one query, for rendering the posts of a page. */
export async function authorsById(db: Kysely<Database>, ids: number[]): Promise<Map<number, AuthorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('authors')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** How a write names an author: by email (compared lowercased) or by slug. */
export type AuthorRef = { email: string } | { slug: string };

/** The author a write names, or undefined when the account has none such. */
export async function findAuthor(
  db: Kysely<Database>,
  accountId: number,
  ref: AuthorRef,
): Promise<AuthorRow | undefined> {
  const query = db.selectFrom('authors').selectAll().where('account_id', '=', accountId);
  return 'email' in ref
    ? query.where('email', '=', ref.email.trim().toLowerCase()).executeTakeFirst()
    : query.where('slug', '=', ref.slug).executeTakeFirst();
}

/** The account's default author (its owner), who writes the posts that name none. */
export async function defaultAuthor(db: Kysely<Database>, accountId: number): Promise<AuthorRow | undefined> {
  return db
    .selectFrom('authors')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}
