import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { newestFirst } from './list-posts.js';
import { postsInScope, publicationTime, type BlogScope, type PostRow } from './post-rows.js';

/**
 * The posts around one post in the order of `GET /v2/posts/` (newest first, drafts last under
 * preview, ties by slug): `previous` is the one after it in that list (published before it,
 * older), `next` the one before it (newer). Null at the ends. Two queries, each one index walk.
 */
export async function neighbourPosts(
  db: Kysely<Database>,
  scope: BlogScope,
  row: PostRow,
): Promise<{ next: PostRow | null; previous: PostRow | null }> {
  const key = row.published ?? row.scheduled;
  const slug = row.slug;
  const base = postsInScope(db, scope).where('p.id', '!=', row.id);
  let older;
  let newer;
  if (key !== null) {
    older = newestFirst(
      base.where((eb) =>
        eb.or([
          eb(publicationTime, 'is', null),
          eb(publicationTime, '<', key),
          eb.and([eb(publicationTime, '=', key), eb('p.slug', '>', slug)]),
        ]),
      ),
    );
    newer = base
      .where((eb) =>
        eb.or([eb(publicationTime, '>', key), eb.and([eb(publicationTime, '=', key), eb('p.slug', '<', slug)])]),
      )
      .orderBy(publicationTime, 'asc')
      .orderBy('p.slug', 'desc');
  } else {
    // A draft (only seen under preview): the drafts come last, by slug.
    older = base.where(publicationTime, 'is', null).where('p.slug', '>', slug).orderBy('p.slug');
    newer = base
      .where((eb) => eb.or([eb(publicationTime, 'is not', null), eb('p.slug', '<', slug)]))
      .orderBy(sql`(${publicationTime} is null)`, 'desc')
      .orderBy(publicationTime, 'asc')
      .orderBy('p.slug', 'desc');
  }
  const [previous, next] = await Promise.all([older.limit(1).executeTakeFirst(), newer.limit(1).executeTakeFirst()]);
  return { next: next ?? null, previous: previous ?? null };
}
