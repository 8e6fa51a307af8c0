import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import { savePostVersion } from '../write/save-post-version.js';

/**
 * Makes a live post's newest version, just published by its schedule, the one readers see: it
 * replaces the published version with its categories, tags and search text, and keeps the
 * post's first publication time in both.
 */
export async function promoteLatest(trx: Transaction<Database>, postId: number): Promise<void> {
  const live = await trx
    .selectFrom('post_versions')
    .select('published')
    .where('post_id', '=', postId)
    .where('channel', '=', 'published')
    .executeTakeFirst();
  const latest = await trx
    .selectFrom('post_versions')
    .selectAll()
    .where('post_id', '=', postId)
    .where('channel', '=', 'latest')
    .executeTakeFirstOrThrow();
  const published = live?.published ?? latest.published;
  await trx
    .updateTable('post_versions')
    .set({ published })
    .where('post_id', '=', postId)
    .where('channel', '=', 'latest')
    .execute();
  const [categories, tags] = await Promise.all(
    (['post_categories', 'post_tags'] as const).map((table) =>
      trx
        .selectFrom(table)
        .select('term_id')
        .where('post_id', '=', postId)
        .where('channel', '=', 'latest')
        .orderBy('position')
        .execute(),
    ),
  );
  const { post_id: _id, channel: _channel, ...version } = latest;
  await savePostVersion(trx, postId, 'published', {
    ...version,
    published,
    categoryIds: categories!.map((c) => c.term_id),
    tagIds: tags!.map((t) => t.term_id),
  });
}
