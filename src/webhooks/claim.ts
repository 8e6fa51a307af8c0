import type { Selectable } from 'kysely';
import type { Store } from '../store/database.js';
import type { WebhookDeliveriesTable } from '../store/webhook-tables.js';
import { isoMicro } from '../time.js';

/** A delivery row. */
export type Delivery = Selectable<WebhookDeliveriesTable>;

/**
 * Claims up to `limit` due deliveries for `holder` until `now + leaseMs`, in one UPDATE: a row is
 * due when pending or failed, its time has come and no live lease holds it. The conditions are
 * repeated outside the subquery, so on PostgreSQL a row another node claimed meanwhile is
 * rechecked and left alone (and `skip locked` keeps claimers from queueing on each other's rows).
 * Every attempt thus belongs to exactly one node; a node that dies mid-attempt loses its lease.
 */
export async function claimDue(
  store: Store,
  holder: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<Delivery[]> {
  const stamp = isoMicro(now);
  const until = isoMicro(new Date(now.getTime() + leaseMs));
  return store.db
    .updateTable('webhook_deliveries')
    .set({ locked_by: holder, locked_until: until })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', 'in', ['pending', 'failed'])
        .where('next_attempt_at', '<=', stamp)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', stamp)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .modifyEnd(store.dialect.skipLocked()),
    )
    .where('status', 'in', ['pending', 'failed'])
    .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', stamp)]))
    .returningAll()
    .execute();
}
