import type { Kysely } from 'kysely';
import type { PostChannel, PostVersionsTable } from '../../store/blog-tables.js';
import type { Database } from '../../store/tables.js';

/**
 * How much of each text the search index takes, in UTF-16 units: a PostgreSQL tsvector holds at
 * most 1 MB, and a post's words are in its beginning. Together well under that limit.
 */
export const SEARCH_LIMITS = { title: 2_000, summary: 20_000, body: 100_000 } as const;

/** One version of a post as the write stores it, with its categories and tags (ids, in order). */
export type PostVersion = Omit<PostVersionsTable, 'post_id' | 'channel'> & { categoryIds: number[]; tagIds: number[] };

/** Writes one version and replaces its categories, tags and search document. */
export async function savePostVersion(
  db: Kysely<Database>,
  postId: number,
  channel: PostChannel,
  version: PostVersion,
): Promise<void> {
  const { categoryIds, tagIds, ...row } = version;
  await db
    .insertInto('post_versions')
    .values({ post_id: postId, channel, ...row })
    .onConflict((oc) => oc.columns(['post_id', 'channel']).doUpdateSet(row))
    .execute();
  await deleteLinks(db, postId, channel);
  if (categoryIds.length) {
    await db
      .insertInto('post_categories')
      .values(categoryIds.map((id, position) => ({ post_id: postId, channel, term_id: id, position })))
      .execute();
  }
  if (tagIds.length) {
    await db
      .insertInto('post_tags')
      .values(tagIds.map((id, position) => ({ post_id: postId, channel, term_id: id, position })))
      .execute();
  }
  await db
    .insertInto('post_search')
    .values({
      post_id: postId,
      channel,
      title: row.title.slice(0, SEARCH_LIMITS.title),
      summary: row.summary.slice(0, SEARCH_LIMITS.summary),
      body: plainText(row.body).slice(0, SEARCH_LIMITS.body),
    })
    .execute();
}

/**
 * Changes a stored version's body (and featured image) in place, with its search text, by UPDATEs
 * of those columns only: for rewrites of stored HTML (sanitising again, replacing a media file)
 * that keep the version's status and times, whatever columns later migrations add.
 */
export async function updatePostBody(
  db: Kysely<Database>,
  postId: number,
  channel: PostChannel,
  change: { body: string; featured_image?: string },
): Promise<void> {
  await db
    .updateTable('post_versions')
    .set(change)
    .where('post_id', '=', postId)
    .where('channel', '=', channel)
    .execute();
  await db
    .updateTable('post_search')
    .set({ body: plainText(change.body).slice(0, SEARCH_LIMITS.body) })
    .where('post_id', '=', postId)
    .where('channel', '=', channel)
    .execute();
}

/** Removes a version and everything derived from it (a scheduled post set back to draft). */
export async function deletePostVersion(db: Kysely<Database>, postId: number, channel: PostChannel): Promise<void> {
  await deleteLinks(db, postId, channel);
  await db.deleteFrom('post_versions').where('post_id', '=', postId).where('channel', '=', channel).execute();
}

async function deleteLinks(db: Kysely<Database>, postId: number, channel: PostChannel): Promise<void> {
  for (const table of ['post_categories', 'post_tags', 'post_search'] as const) {
    await db.deleteFrom(table).where('post_id', '=', postId).where('channel', '=', channel).execute();
  }
}

/** The words of post HTML for the search index: tags dropped, the common entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}
