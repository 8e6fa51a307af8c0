import type { Kysely, Transaction } from 'kysely';
import { recordChange } from '../../cache/content-changes.js';
import type { Database } from '../../store/tables.js';
import { BLOG_TAG } from '../blog-tag.js';
import { enqueuePostEvents } from '../../webhooks/post-events.js';
import { SCHEDULER } from '../../audit/actor.js';
import { recordPostHistory } from '../../history/record-post.js';
import { promoteLatest } from './promote-latest.js';
import { isoMicro } from '../../time.js';

/**
 * Publishes every scheduled post whose time has come, account by account, each in its own
 * transaction (publishDueAccountPosts). Returns the ids of the posts this call published.
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
  const ids: number[] = [];
  for (const { account_id: accountId } of accounts) {
    ids.push(...(await db.transaction().execute((trx) => publishDueAccountPosts(trx, accountId, new Date(now)))));
  }
  return ids.sort((a, b) => a - b);
}

/**
 * Makes the account's scheduled posts whose time has come published for good, in the caller's
 * transaction: status `published`, `published` = the scheduled time (what reads already showed)
 * for a first publication. A scheduled change of a live post replaces its published version and
 * keeps its first publication time. The UPDATE is conditional, so a post is published exactly
 * once even if two processes ran this at the same moment: the second finds its status no longer
 * `scheduled`. The new versions, audit records (by the scheduler), post.published deliveries and
 * the cache change commit with it. Returns the ids of the posts published.
 */
export async function publishDueAccountPosts(
  trx: Transaction<Database>,
  accountId: number,
  now: Date,
): Promise<number[]> {
  const rows = await trx
    .updateTable('post_versions')
    .set((eb) => ({ status: 'published', published: eb.ref('scheduled') }))
    .where('status', '=', 'scheduled')
    .where('scheduled', '<=', isoMicro(now))
    .where('post_id', 'in', trx.selectFrom('posts').select('id').where('account_id', '=', accountId))
    .returning(['post_id', 'channel'])
    .execute();
  const ids = [...new Set(rows.map((r) => r.post_id))].sort((a, b) => a - b);
  if (ids.length === 0) return ids;
  // Only the newest version was waiting: the post was live, and this replaces what it shows.
  const replaced = ids.filter((id) => !rows.some((r) => r.post_id === id && r.channel === 'published'));
  for (const id of replaced) await promoteLatest(trx, id);
  for (const id of ids) await recordPostHistory(trx, accountId, SCHEDULER, id, 'publish', { now });
  // Only the caller whose UPDATE published a post reports it (post.published), so never twice.
  await enqueuePostEvents(trx, accountId, 'post.published', ids);
  await recordChange(trx, accountId, [BLOG_TAG]);
  return ids;
}
