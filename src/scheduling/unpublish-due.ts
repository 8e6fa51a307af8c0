import type { Transaction } from 'kysely';
import { SCHEDULER } from '../audit/actor.js';
import { BLOG_TAG } from '../blog/blog-tag.js';
import { deletePostVersion } from '../blog/write/save-post-version.js';
import { recordChange } from '../cache/content-changes.js';
import type { AccountSchema } from '../content/account-schema.js';
import { takeOffAir } from '../content/write/take-off-air.js';
import { recordPostHistory } from '../history/record-post.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { enqueuePostEvents } from '../webhooks/post-events.js';

/**
 * Takes off the air the account's pages and items whose `unpublish_at` has passed, in every
 * locale, in the caller's transaction. Clearing `unpublish_at` is the conditional step: of two
 * processes only the one that cleared it unpublishes. Returns how many entries it took down.
 */
export async function unpublishDueEntries(
  trx: Transaction<Database>,
  schema: AccountSchema,
  now: Date,
): Promise<number> {
  const due = await trx
    .updateTable('entries')
    .set({ unpublish_at: null })
    .where('account_id', '=', schema.accountId)
    .where('unpublish_at', 'is not', null)
    .where('unpublish_at', '<=', isoMicro(now))
    .returning(['id', 'type_id', 'slug'])
    .execute();
  let count = 0;
  for (const entry of due.sort((a, b) => a.id - b.id)) {
    const type = schema.byId.get(entry.type_id);
    if (type && (await takeOffAir(trx, schema, type, entry, null, SCHEDULER, now))) count++;
  }
  return count;
}

/**
 * Takes off the air the account's posts whose `unpublish_at` has passed: the published version
 * goes, the newest stays as a draft (`post.draft`, as a post set back to draft by hand).
 */
export async function unpublishDuePosts(trx: Transaction<Database>, accountId: number, now: Date): Promise<number> {
  const due = await trx
    .updateTable('posts')
    .set({ unpublish_at: null })
    .where('account_id', '=', accountId)
    .where('unpublish_at', 'is not', null)
    .where('unpublish_at', '<=', isoMicro(now))
    .returning('id')
    .execute();
  const ids: number[] = [];
  for (const { id } of due.sort((a, b) => a.id - b.id)) {
    const live = await trx
      .selectFrom('post_versions')
      .select('post_id')
      .where('post_id', '=', id)
      .where('channel', '=', 'published')
      .executeTakeFirst();
    if (!live) continue;
    await deletePostVersion(trx, id, 'published');
    await trx
      .updateTable('post_versions')
      .set({ status: 'draft', published: null, scheduled: null })
      .where('post_id', '=', id)
      .where('channel', '=', 'latest')
      .execute();
    await recordPostHistory(trx, accountId, SCHEDULER, id, 'unpublish', { now });
    ids.push(id);
  }
  if (ids.length === 0) return 0;
  await enqueuePostEvents(trx, accountId, 'post.draft', ids);
  await recordChange(trx, accountId, [BLOG_TAG]);
  return ids.length;
}
