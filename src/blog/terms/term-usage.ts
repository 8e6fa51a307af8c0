import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { TermKind, TermObject } from './term-store.js';

/** A category or tag with the number of posts using it (in their published or newest version). */
export interface TermUsage extends TermObject {
  posts: number;
}

const LINK = { categories: 'post_categories', tags: 'post_tags' } as const;

/**
 * An account's categories (or tags) by slug, each with how many posts use it: what the dashboard
 * and `ghee category|tag list` show, so that an unused one (0 posts) can be deleted.
 */
export async function listTermUsage(db: Kysely<Database>, kind: TermKind, accountId: number): Promise<TermUsage[]> {
  const rows = await db
    .selectFrom(`${kind} as t` as 'categories as t')
    .leftJoin(`${LINK[kind]} as pt` as 'post_categories as pt', 'pt.term_id', 't.id')
    .select(['t.name', 't.slug', sql<number>`count(distinct pt.post_id)`.as('posts')])
    .where('t.account_id', '=', accountId)
    .groupBy(['t.id', 't.name', 't.slug'])
    .orderBy('t.slug')
    .execute();
  return rows.map((r) => ({ name: r.name, slug: r.slug, posts: Number(r.posts) }));
}
