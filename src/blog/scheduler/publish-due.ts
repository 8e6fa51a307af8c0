import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';

/**
 * Makes every scheduled post whose time has come published for good: status `published`,
 * `published` = its scheduled time (what reads already showed). The UPDATE is conditional, so a
 * post is published exactly once even if two processes ran this at the same moment: the second
 * finds its status no longer `scheduled`. Returns the ids of the posts this call published.
 *
 * Two single statements, no transaction: each is atomic, and a pass never holds locks across
 * statements (SQLite connections in one process would stall each other). The accounts' content
 * version is bumped first (response caches keyed by it do not know the clock); a crash between the
 * two leaves only a harmless extra bump.
 */
export async function publishDuePosts(db: Kysely<Database>, now: string): Promise<number[]> {
  const due = db
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', 'v.post_id', 'p.id')
    .select('p.account_id')
    .where('v.status', '=', 'scheduled')
    .where('v.scheduled', '<=', now);
  await db.updateTable('accounts').set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', 'in', due).execute();
  const rows = await db
    .updateTable('post_versions')
    .set((eb) => ({ status: 'published', published: eb.ref('scheduled') }))
    .where('status', '=', 'scheduled')
    .where('scheduled', '<=', now)
    .returning('post_id')
    .execute();
  return [...new Set(rows.map((r) => r.post_id))].sort((a, b) => a - b);
}
