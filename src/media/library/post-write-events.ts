import type { Kysely } from 'kysely';
import { chunks, LOOKUP_CHUNK } from '../../content/write/reference-limits.js';
import type { Database } from '../../store/tables.js';
import { enqueuePostEvents } from '../../webhooks/post-events.js';

/**
 * The events of posts whose stored text a change rewrote, as a write of them would send:
 * `post.published` for a live post, `post.draft` for a draft or a post scheduled for later.
 */
export async function enqueuePostWrites(trx: Kysely<Database>, accountId: number, postIds: number[]): Promise<void> {
  for (const slice of chunks(postIds, LOOKUP_CHUNK)) {
    const rows = await trx
      .selectFrom('post_versions')
      .select(['post_id', 'status'])
      .where('channel', '=', 'latest')
      .where('post_id', 'in', slice)
      .execute();
    const live = rows.filter((r) => r.status === 'published').map((r) => r.post_id);
    await enqueuePostEvents(trx, accountId, 'post.published', live);
    await enqueuePostEvents(
      trx,
      accountId,
      'post.draft',
      rows.filter((r) => r.status !== 'published').map((r) => r.post_id),
    );
  }
}
