import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { enqueueEvents } from './enqueue.js';

/** A post event: ButterCMS's post payloads carry just the slug (`id`) and the numeric `_id`. */
export type PostEventName = 'post.published' | 'post.draft' | 'post.delete';

/**
 * Queues an event for posts of one account, inside the write's transaction. Call a delete's
 * before the post goes (its slug is read here); posts not found are skipped.
 */
export async function enqueuePostEvents(
  trx: Kysely<Database>,
  accountId: number,
  event: PostEventName,
  postIds: number[],
): Promise<void> {
  if (postIds.length === 0) return;
  await enqueueEvents(trx, accountId, async () => {
    const posts = await trx
      .selectFrom('posts')
      .select(['id', 'slug'])
      .where('id', 'in', postIds)
      .orderBy('id')
      .execute();
    return posts.map((p) => ({ event, data: { id: p.slug, _id: p.id } }));
  });
}

/** `post.delete` for the post of that slug (before it is deleted; nothing when there is none). */
export async function enqueuePostDelete(trx: Kysely<Database>, accountId: number, slug: string): Promise<void> {
  const post = await trx
    .selectFrom('posts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (post) await enqueuePostEvents(trx, accountId, 'post.delete', [post.id]);
}
