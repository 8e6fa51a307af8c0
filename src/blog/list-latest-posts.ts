import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import { onAir, postsInScope, type BlogScope, type PostRow } from './post-rows.js';

/** A post's status as readers see it now (a scheduled post whose time has come is published). */
export type EffectiveStatus = 'draft' | 'published' | 'scheduled';

/** What the dashboard's post table asks for. */
export interface LatestPostsQuery {
  /** Only posts with this status now; absent lists all. */
  status?: EffectiveStatus;
  /** Full-text search terms: the best match first. */
  terms?: string[];
  limit: number;
  offset: number;
}

/**
 * A page of the newest version of every post of a `latest` scope, plus the count: by status as
 * readers see it at `scope.now` (the rule of `onAir`), newest change first or best match first.
 */
export async function listLatestPosts(
  db: Kysely<Database>,
  dialect: Dialect,
  scope: BlogScope,
  q: LatestPostsQuery,
): Promise<{ rows: PostRow[]; count: number }> {
  if (q.terms && q.terms.length === 0) return { rows: [], count: 0 };
  let base = postsInScope(db, scope);
  if (q.status === 'draft') base = base.where('v.status', '=', 'draft');
  if (q.status === 'scheduled') base = base.where('v.status', '=', 'scheduled').where('v.scheduled', '>', scope.now);
  if (q.status === 'published') base = onAir(base, scope.now);
  if (q.terms) {
    base = base.innerJoin(dialect.postMatches(q.terms).as('m'), (join) =>
      join.onRef('m.post_id', '=', 'p.id').onRef('m.channel', '=', 'v.channel'),
    );
  }
  const counted = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  const count = Number(counted?.n ?? 0);
  const ordered = q.terms
    ? base.orderBy(sql`m.rank`, 'desc').orderBy('p.slug')
    : base.orderBy('v.updated', 'desc').orderBy('p.id', 'desc');
  const rows = q.offset < count ? await ordered.limit(q.limit).offset(q.offset).execute() : [];
  return { rows, count };
}
