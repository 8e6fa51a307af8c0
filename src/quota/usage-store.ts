import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** Adds calls to an account's day, creating the row the first time. */
export async function addCalls(db: Kysely<Database>, accountId: number, day: string, calls: number): Promise<void> {
  await db
    .insertInto('api_usage')
    .values({ account_id: accountId, day, calls })
    .onConflict((oc) => oc.columns(['account_id', 'day']).doUpdateSet({ calls: sql`api_usage.calls + excluded.calls` }))
    .execute();
}

/** Calls counted for an account in the days [startDay, endDay). */
export async function callsBetween(
  db: Kysely<Database>,
  accountId: number,
  startDay: string,
  endDay: string,
): Promise<number> {
  const row = await db
    .selectFrom('api_usage')
    .select(sql<number>`coalesce(sum(calls), 0)`.as('n'))
    .where('account_id', '=', accountId)
    .where('day', '>=', startDay)
    .where('day', '<', endDay)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The per-day counts of an account in [startDay, endDay), oldest first. */
export async function callsByDay(
  db: Kysely<Database>,
  accountId: number,
  startDay: string,
  endDay: string,
): Promise<{ day: string; calls: number }[]> {
  return db
    .selectFrom('api_usage')
    .select(['day', 'calls'])
    .where('account_id', '=', accountId)
    .where('day', '>=', startDay)
    .where('day', '<', endDay)
    .orderBy('day')
    .execute();
}
