import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { postsInScope, publicationTime, type BlogScope, type PostRow } from './post-rows.js';

/** What `include=recent_posts` groups by: an author, a category or a tag. */
export type RecentGroup = 'authors' | 'categories' | 'tags';

/** `include=recent_posts` holds up to this many posts. */
export const RECENT_POSTS = 10;

const LINK = { categories: 'post_categories', tags: 'post_tags' } as const;

/**
 * The newest visible posts of many authors (or categories, or tags) at once: one query with a
 * window function numbering each group's posts newest first, whatever the number of groups.
 */
export async function recentPosts(
  db: Kysely<Database>,
  scope: BlogScope,
  group: RecentGroup,
  groupIds: number[],
): Promise<Map<number, PostRow[]>> {
  const out = new Map<number, PostRow[]>();
  if (groupIds.length === 0) return out;
  const order = sql`order by (${publicationTime} is null), ${publicationTime} desc, p.slug`;
  const numbered =
    group === 'authors'
      ? postsInScope(db, scope)
          .where('v.author_id', 'in', groupIds)
          .select([
            sql<number>`v.author_id`.as('group_id'),
            sql<number>`row_number() over (partition by v.author_id ${order})`.as('rn'),
          ])
      : postsInScope(db, scope)
          // Both link tables have one shape; the cast only tells Kysely which name to check against.
          .innerJoin(`${LINK[group]} as pt` as 'post_categories as pt', (join) =>
            join.onRef('pt.post_id', '=', 'p.id').onRef('pt.channel', '=', 'v.channel'),
          )
          .where('pt.term_id', 'in', groupIds)
          .select([
            sql<number>`pt.term_id`.as('group_id'),
            sql<number>`row_number() over (partition by pt.term_id ${order})`.as('rn'),
          ]);
  const rows = await db
    .selectFrom(numbered.as('r'))
    .selectAll()
    .where('r.rn', '<=', RECENT_POSTS)
    .orderBy('r.group_id')
    .orderBy('r.rn')
    .execute();
  for (const { group_id: groupId, rn: _rn, ...row } of rows) {
    const list = out.get(Number(groupId)) ?? [];
    list.push(row);
    out.set(Number(groupId), list);
  }
  return out;
}
