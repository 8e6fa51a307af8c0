import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { BLOG_TAG } from '../../blog/blog-tag.js';
import { savePostVersion } from '../../blog/write/save-post-version.js';
import { recordChange } from '../../cache/content-changes.js';
import { trashErrors } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import { enqueuePostEvents } from '../../webhooks/post-events.js';
import { recordPostHistory } from '../record-post.js';
import { restoredAuthor, restoredTerms } from './restore-post-links.js';
import type { TrashRow } from './take-trash-row.js';
import type { PostSnapshot } from './trash-snapshot.js';

/**
 * Puts a trashed post back with its id, in the restore's transaction: each version through
 * savePostVersion (categories, tags and search rebuilt), then its history, webhook and cache
 * change as a post write records them.
 */
export async function restorePost(trx: Transaction<Database>, row: TrashRow, actor: Actor, now: Date): Promise<void> {
  const snapshot = JSON.parse(row.snapshot) as PostSnapshot;
  const accountId = row.account_id;
  const { id, slug, created } = snapshot.post;
  const taken = await trx
    .selectFrom('posts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (taken) throw trashErrors.postSlugTaken(slug);
  await trx.insertInto('posts').values({ id, account_id: accountId, slug, created }).execute();
  for (const { author, categories, tags, channel, ...version } of snapshot.versions) {
    await savePostVersion(trx, id, channel, {
      ...version,
      author_id: await restoredAuthor(trx, accountId, author),
      categoryIds: await restoredTerms(trx, 'categories', accountId, categories),
      tagIds: await restoredTerms(trx, 'tags', accountId, tags),
    });
  }
  const latest = snapshot.versions.find((v) => v.channel === 'latest');
  // A scheduled post is not live yet: a draft to receivers, as its write told them.
  await enqueuePostEvents(trx, accountId, latest?.status === 'published' ? 'post.published' : 'post.draft', [id]);
  await recordPostHistory(trx, accountId, actor, id, 'restore', { now });
  await recordChange(trx, accountId, [BLOG_TAG]);
}
