import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import { postsInScope, type BlogScope, type PostRow } from './post-rows.js';

/** A search result: the post and its score (higher is better). */
export type RankedPostRow = PostRow & { rank: number };

/** Offsets past this read nothing (as for lists). */
const MAX_OFFSET = 2 ** 31;

/**
 * One page of the visible posts whose title, summary or body match every term (as a prefix),
 * best match first, ties by slug; plus the total count. The dialect finds and scores the matches;
 * which posts the reader may see is decided by `postsInScope`, as for every other read.
 */
export async function searchPosts(
  db: Kysely<Database>,
  dialect: Dialect,
  scope: BlogScope,
  terms: string[],
  page: { limit: number; offset: number },
): Promise<{ rows: RankedPostRow[]; count: number }> {
  if (terms.length === 0) return { rows: [], count: 0 };
  const base = postsInScope(db, scope).innerJoin(dialect.postMatches(terms).as('m'), (join) =>
    join.onRef('m.post_id', '=', 'p.id').onRef('m.channel', '=', 'v.channel'),
  );
  const countRow = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  const count = Number(countRow?.n ?? 0);
  if (page.offset >= Math.min(count, MAX_OFFSET)) return { rows: [], count };
  const rows = await base
    .select('m.rank')
    .orderBy('m.rank', 'desc')
    .orderBy('p.slug')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows: rows.map((r) => ({ ...r, rank: Number(r.rank) })), count };
}
