import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { leavingEntries, leavingPosts, waitingPostVersions, waitingVersions } from './waiting.js';

/**
 * The store form (ISO UTC, microseconds) of the account's next scheduled change, due or not:
 * a page or item version waiting to be published, a post scheduled (new or over its live
 * version), or an entry or post to take off the air. Null when nothing waits. One query.
 */
export async function nextDueAt(db: Kysely<Database>, accountId: number): Promise<string | null> {
  const row = await db
    .selectNoFrom(() => [
      waitingVersions(db)
        .select((q) => q.fn.min('v.scheduled').as('at'))
        .where('e.account_id', '=', accountId)
        .as('entry_publish'),
      leavingEntries(db)
        .select((q) => q.fn.min('e.unpublish_at').as('at'))
        .where('e.account_id', '=', accountId)
        .as('entry_unpublish'),
      waitingPostVersions(db)
        .select((q) => q.fn.min('v.scheduled').as('at'))
        .where('p.account_id', '=', accountId)
        .as('post_publish'),
      leavingPosts(db)
        .select((q) => q.fn.min('p.unpublish_at').as('at'))
        .where('p.account_id', '=', accountId)
        .as('post_unpublish'),
    ])
    .executeTakeFirst();
  const times = Object.values(row ?? {}).filter((t): t is string => typeof t === 'string');
  return times.length ? times.sort()[0]! : null;
}

/** The accounts with a scheduled change due at `now` (store form), for the scheduler's pass. */
export async function accountsDue(db: Kysely<Database>, now: string): Promise<number[]> {
  const rows = await waitingVersions(db)
    .select('e.account_id')
    .where('v.scheduled', '<=', now)
    .union(leavingEntries(db).select('e.account_id').where('e.unpublish_at', '<=', now))
    .union(waitingPostVersions(db).select('p.account_id').where('v.scheduled', '<=', now))
    .union(leavingPosts(db).select('p.account_id').where('p.unpublish_at', '<=', now))
    .execute();
  return rows.map((r) => r.account_id).sort((a, b) => a - b);
}
