import { sql, type Kysely } from 'kysely';
import type { PostChannel } from '../store/blog-tables.js';
import type { Database } from '../store/tables.js';
import {
  impossibleSlug,
  postsInScope,
  publicationTime,
  type BlogScope,
  type PostQuery,
  type PostRow,
} from './post-rows.js';

/** The list filters of `GET /v2/posts/` and the feeds; several are ANDed. */
export interface PostFilters {
  authorSlug?: string;
  categorySlug?: string;
  tagSlug?: string;
}

/** Offsets past this read nothing; keeps huge `page` numbers exact and harmless. */
const MAX_OFFSET = 2 ** 31;

/** Visible posts matching the filters, unordered (a filter that matches nothing gives none). */
export function filteredPosts(db: Kysely<Database>, scope: BlogScope, filters: PostFilters): PostQuery {
  let query = postsInScope(db, scope);
  if (filters.authorSlug !== undefined) {
    const authors = db
      .selectFrom('authors')
      .select('id')
      .where('account_id', '=', scope.accountId)
      .where('slug', '=', filters.authorSlug);
    query = query.where('v.author_id', 'in', authors);
  }
  for (const [table, terms, slug] of [
    ['post_categories', 'categories', filters.categorySlug],
    ['post_tags', 'tags', filters.tagSlug],
  ] as const) {
    if (slug === undefined) continue;
    // Both link tables have one shape; the cast only tells Kysely which name to check against.
    const link = db
      .selectFrom(`${table} as pt` as 'post_categories as pt')
      .innerJoin(`${terms} as t` as 'categories as t', 't.id', 'pt.term_id')
      .select(sql`1`.as('one'))
      .where('pt.post_id', '=', sql.ref<number>('p.id'))
      .where('pt.channel', '=', sql.ref<PostChannel>('v.channel'))
      .where('t.slug', '=', slug);
    query = query.where(({ exists }) => exists(link));
  }
  return query;
}

/** True when a filter value cannot match any row (and must not reach the database). */
export function unmatchable(filters: PostFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && impossibleSlug(value));
}

/** Newest first (by publication time, drafts last), then by slug: the contract's default order. */
export function newestFirst(query: PostQuery): PostQuery {
  return query
    .orderBy(sql`(${publicationTime} is null)`)
    .orderBy(publicationTime, 'desc')
    .orderBy('p.slug');
}

/** One page of posts plus the total count. */
export async function listPosts(
  db: Kysely<Database>,
  scope: BlogScope,
  filters: PostFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: PostRow[]; count: number }> {
  if (unmatchable(filters)) return { rows: [], count: 0 };
  const base = filteredPosts(db, scope, filters);
  const countRow = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  const count = Number(countRow?.n ?? 0);
  if (page.offset >= Math.min(count, MAX_OFFSET)) return { rows: [], count };
  // The page is chosen on ids alone (the sort never carries post bodies), then read in full.
  const ids = (
    await newestFirst(base).clearSelect().select('p.id').limit(page.limit).offset(page.offset).execute()
  ).map((r) => r.id);
  if (ids.length === 0) return { rows: [], count };
  const byId = new Map((await postsInScope(db, scope).where('p.id', 'in', ids).execute()).map((row) => [row.id, row]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), count };
}
