import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { errors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import { BLOG_TAG } from '../blog-tag.js';
import { enqueuePostDelete } from '../../webhooks/post-events.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { trashPost } from '../../history/trash/trash-post.js';

/**
 * Deletes a post with its versions, categories and tags links and search documents (they go
 * with it by foreign key), into the trash: restorable, with its id, for TRASH_DAYS
 * (src/history/trash/). Categories and tags themselves stay. 404 of the read when missing.
 */
export async function deletePost(db: Kysely<Database>, accountId: number, slug: string, actor: Actor): Promise<void> {
  if (slug.includes('\u0000')) throw errors.postNotFound();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom('posts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!post) throw errors.postNotFound();
    // Before the rows go: the payload names the post by its slug.
    await enqueuePostDelete(trx, accountId, slug);
    await trashPost(trx, accountId, post.id, actor, now);
    await trx.deleteFrom('posts').where('id', '=', post.id).execute();
    await recordAudit(
      trx,
      actor,
      [{ accountId, action: 'delete', kind: 'post', targetId: post.id, targetSlug: slug }],
      now,
    );
    await recordChange(trx, accountId, [BLOG_TAG]);
  });
}
