import { archivedTime } from './archived-time.js';
import type { Kysely } from 'kysely';
import { BLOG_TAG } from '../blog/blog-tag.js';
import { deletePostVersion, savePostVersion } from '../blog/write/save-post-version.js';
import { recordChange } from '../cache/content-changes.js';
import type { Database } from '../store/tables.js';
import type { ArchivedPost } from './archive-format.js';
import type { ConflictMode } from './restore-terms.js';

/** A post an import wrote: its id here, its slug, and whether it replaced the account's. */
export interface RestoredPost {
  id: number;
  slug: string;
  replaced: boolean;
}

/**
 * Restores posts with their versions as stored (statuses and timestamps included), in the
 * caller's transaction, after the authors, categories and tags they name. A post whose slug the
 * account has is kept (`skip`) or replaced (`replace`). Returns the posts written.
 */
export async function restorePosts(
  trx: Kysely<Database>,
  accountId: number,
  posts: ArchivedPost[],
  mode: ConflictMode,
): Promise<RestoredPost[]> {
  const idsBySlug = async (table: 'authors' | 'categories' | 'tags') =>
    new Map(
      (
        await trx
          .selectFrom(table as 'categories')
          .select(['id', 'slug'])
          .where('account_id', '=', accountId)
          .execute()
      ).map((r) => [r.slug, r.id]),
    );
  const [authors, categories, tags] = await Promise.all([
    idsBySlug('authors'),
    idsBySlug('categories'),
    idsBySlug('tags'),
  ]);
  const idOf = (map: Map<string, number>, slug: string, what: string) => {
    const id = map.get(slug);
    if (id === undefined) throw new Error(`The archive names ${what} "${slug}", which it does not hold`);
    return id;
  };
  const written: RestoredPost[] = [];
  for (const post of posts) {
    const existing = await trx
      .selectFrom('posts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('slug', '=', post.slug)
      .executeTakeFirst();
    if (existing && mode === 'skip') continue;
    const postId = existing
      ? existing.id
      : (
          await trx
            .insertInto('posts')
            .values({
              account_id: accountId,
              slug: post.slug,
              created: post.created,
              unpublish_at: archivedTime(post.unpublish_at),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    if (existing) {
      const unpublishAt = archivedTime(post.unpublish_at);
      await trx
        .updateTable('posts')
        .set({ created: post.created, unpublish_at: unpublishAt })
        .where('id', '=', postId)
        .execute();
      for (const channel of ['published', 'latest'] as const) await deletePostVersion(trx, postId, channel);
    }
    for (const { channel, author, categories: cats, tags: tagSlugs, ...version } of post.versions) {
      await savePostVersion(trx, postId, channel, {
        ...version,
        author_id: idOf(authors, author, 'the author'),
        categoryIds: cats.map((slug) => idOf(categories, slug, 'the category')),
        tagIds: tagSlugs.map((slug) => idOf(tags, slug, 'the tag')),
      });
    }
    written.push({ id: postId, slug: post.slug, replaced: existing !== undefined });
  }
  if (written.length) await recordChange(trx, accountId, [BLOG_TAG]);
  return written;
}
