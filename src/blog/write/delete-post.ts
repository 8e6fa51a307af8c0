import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import { errors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import { BLOG_TAG } from '../blog-tag.js';
import { enqueuePostDelete } from '../../webhooks/post-events.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';

/**
 * Deletes a post with its versions, categories and tags links and search documents (they go
 * with it by foreign key). Categories and tags themselves stay. 404 of the read when missing.
 */
export async function deletePost(db: Kysely<Database>, accountId: number, slug: string, actor: Actor): Promise<void> {
  if (slug.includes('\u0000')) throw errors.postNotFound();
  await db.transaction().execute(async (trx) => {
    await enqueuePostDelete(trx, accountId, slug);
    const gone = await trx
      .deleteFrom('posts')
      .where('account_id', '=', accountId)
      .where('slug', '=', slug)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw errors.postNotFound();
    await recordAudit(trx, actor, [{ accountId, action: 'delete', kind: 'post', targetId: gone.id, targetSlug: slug }]);
    await recordChange(trx, accountId, [BLOG_TAG]);
  });
}
