import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * When the account's next scheduled post goes live (epoch ms), or null when none is waiting.
 * Blog answers are cached until then at the latest: the post appears at its time even before the
 * scheduler's pass records the change.
 */
export async function nextScheduledAt(db: Kysely<Database>, accountId: number, now: string): Promise<number | null> {
  const row = await db
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', 'v.post_id', 'p.id')
    .select(({ fn }) => fn.min('v.scheduled').as('next'))
    .where('p.account_id', '=', accountId)
    .where('v.status', '=', 'scheduled')
    .where('v.scheduled', '>', now)
    .executeTakeFirst();
  return row?.next ? Date.parse(row.next) : null;
}
