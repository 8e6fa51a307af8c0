import { sql, type Expression, type InferResult, type Kysely } from 'kysely';
import type { PostChannel } from '../store/blog-tables.js';
import type { Database } from '../store/tables.js';

/** Where a blog read looks: the account, the channel (`latest` under preview) and the instant. */
export interface BlogScope {
  accountId: number;
  channel: PostChannel;
  /** `isoMicro` of the request's clock: a scheduled post whose time has come reads as published. */
  now: string;
}

/** A post with one version: what every blog endpoint renders. */
export type PostRow = InferResult<PostQuery>[number];

/**
 * The instant a post is (or will be) published: `published`, or `scheduled` for a post whose
 * publication is scheduled. Lists sort newest first on it; it is null only for drafts.
 */
export const publicationTime: Expression<string | null> = sql<string | null>`coalesce(v.published, v.scheduled)`;

/**
 * Posts joined to their version in the scope's channel. Without preview, a reader sees the
 * published versions and the scheduled ones whose time has passed: the scheduler makes that
 * durable later, but reads never wait for it.
 */
export function postsInScope(db: Kysely<Database>, scope: BlogScope): PostQuery {
  const query = postVersions(db, scope);
  return scope.channel === 'published' ? onAir(query, scope.now) : query;
}

/** What a post version says, from its title to its dates (`v` is post_versions): read and archived alike. */
export const POST_VERSION_TEXT = [
  'v.title',
  'v.body',
  'v.summary',
  'v.seo_title',
  'v.meta_description',
  'v.featured_image',
  'v.featured_image_alt',
  'v.updated',
  'v.published',
  'v.scheduled',
] as const;

/** Posts of the scope's account joined to their version in its channel, whatever their status. */
function postVersions(db: Kysely<Database>, scope: BlogScope) {
  return db
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', (join) => join.onRef('v.post_id', '=', 'p.id').on('v.channel', '=', scope.channel))
    .where('p.account_id', '=', scope.accountId)
    .select(['p.id', 'p.slug', 'p.created', 'p.unpublish_at', 'v.status', 'v.author_id', ...POST_VERSION_TEXT]);
}

/** The query of `postsInScope`, to which filters and order are added. */
export type PostQuery = ReturnType<typeof postVersions>;

/**
 * The one rule of what readers see at `now`: versions published, or scheduled for `now` or
 * before. `effectiveState` is the same rule for one row.
 */
export function onAir(query: PostQuery, now: string): PostQuery {
  return query.where((eb) =>
    eb.or([eb('v.status', '=', 'published'), eb.and([eb('v.status', '=', 'scheduled'), eb('v.scheduled', '<=', now)])]),
  );
}

/** The post of `slug` in the scope, or undefined. */
export async function postBySlug(db: Kysely<Database>, scope: BlogScope, slug: string): Promise<PostRow | undefined> {
  return impossibleSlug(slug) ? undefined : postsInScope(db, scope).where('p.slug', '=', slug).executeTakeFirst();
}

/** The status and times a reader sees: a scheduled post whose time has come is published then. */
export function effectiveState(row: Pick<PostRow, 'status' | 'published' | 'scheduled'>, now: string) {
  if (row.status === 'scheduled' && row.scheduled !== null && row.scheduled <= now) {
    return { status: 'published' as const, published: row.scheduled, scheduled: row.scheduled };
  }
  return { status: row.status, published: row.published, scheduled: row.scheduled };
}

/** True for a slug no post can have (U+0000 cannot even be compared on PostgreSQL). */
export function impossibleSlug(value: string): boolean {
  return value.includes('\u0000');
}
