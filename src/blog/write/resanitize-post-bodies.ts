import type { Transaction } from 'kysely';
import { sanitizeStored } from '../../content/write/sanitize-stored.js';
import type { Database } from '../../store/tables.js';
import { updatePostBody } from './save-post-version.js';

/** Posts read per batch (both channels of each). */
const POSTS_PER_BATCH = 200;

/**
 * Sanitises the body of every post version again, with UPDATEs of the body and its search text
 * only (so this keeps working whatever columns later migrations add). Returns how many changed.
 */
export async function resanitizePostBodies(trx: Transaction<Database>): Promise<number> {
  let changed = 0;
  for (let after = 0; ;) {
    const rows = await trx
      .selectFrom('post_versions')
      .select(['post_id', 'channel', 'body'])
      .where('post_id', '>', after)
      .where('post_id', 'in', (eb) =>
        eb.selectFrom('posts').select('id').where('id', '>', after).orderBy('id').limit(POSTS_PER_BATCH),
      )
      .orderBy('post_id')
      .orderBy('channel')
      .execute();
    if (!rows.length) return changed;
    after = rows.at(-1)!.post_id;
    const clean = await sanitizeStored(rows.map((r) => r.body));
    for (const [i, row] of rows.entries()) {
      const body = clean[i]!;
      if (body === row.body) continue;
      changed++;
      await updatePostBody(trx, row.post_id, row.channel, { body });
    }
  }
}
