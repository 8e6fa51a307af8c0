import type { Kysely } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import type { Database } from '../../store/tables.js';
import { BLOG_TAG } from '../blog-tag.js';
import { enqueueScheduledPublished } from '../../webhooks/post-events.js';
import { SCHEDULER } from '../../audit/actor.js';
import { recordPostHistory } from '../../history/record-post.js';

/**
 * Makes every scheduled post whose time has come published for good: status `published`,
 * `published` = its scheduled time (what reads already showed). The UPDATE is conditional, so a
 * post is published exactly once even if two processes ran this at the same moment: the second
 * finds its status no longer `scheduled`. Returns the ids of the posts this call published.
 *
 * The change is recorded for the caches first, per account (a crash after it leaves only a
 * harmless extra record); the UPDATE, the posts' new versions and audit records (by the
 * scheduler) and the post.published deliveries then commit together.
 */
export async function publishDuePosts(db: Kysely<Database>, now: string): Promise<number[]> {
  const accounts = await db
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', 'v.post_id', 'p.id')
    .select('p.account_id')
    .distinct()
    .where('v.status', '=', 'scheduled')
    .where('v.scheduled', '<=', now)
    .execute();
  if (accounts.length === 0) return [];
  for (const { account_id: accountId } of accounts) await recordChange(db, accountId, [BLOG_TAG]);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('post_versions')
      .set((eb) => ({ status: 'published', published: eb.ref('scheduled') }))
      .where('status', '=', 'scheduled')
      .where('scheduled', '<=', now)
      .returning('post_id')
      .execute();
    const ids = [...new Set(rows.map((r) => r.post_id))].sort((a, b) => a - b);
    if (ids.length === 0) return ids;
    const owners = await trx.selectFrom('posts').select(['id', 'account_id']).where('id', 'in', ids).execute();
    for (const post of owners) {
      await recordPostHistory(trx, post.account_id, SCHEDULER, post.id, 'publish', { now: new Date(now) });
    }
    // Only the caller whose UPDATE published a post reports it (post.published), so never twice.
    await enqueueScheduledPublished(trx, ids);
    return ids;
  });
}
