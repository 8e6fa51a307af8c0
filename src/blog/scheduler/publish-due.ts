import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';

/**
 * Makes every scheduled post whose time has come published for good: status `published`,
 * `published` = its scheduled time (what reads already showed). One conditional UPDATE, so a
 * post is published exactly once even if two processes ran this at the same moment: the second
 * finds its status no longer `scheduled`. Returns the ids of the posts this call published.
 */
export async function publishDuePosts(db: Kysely<Database>, now: string): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('post_versions')
      .set((eb) => ({ status: 'published', published: eb.ref('scheduled') }))
      .where('status', '=', 'scheduled')
      .where('scheduled', '<=', now)
      .returning('post_id')
      .execute();
    const ids = [...new Set(rows.map((r) => r.post_id))].sort((a, b) => a - b);
    if (ids.length) {
      const accounts = trx.selectFrom('posts').select('account_id').where('id', 'in', ids);
      await trx.updateTable('accounts').set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', 'in', accounts).execute();
    }
    return ids;
  });
}
