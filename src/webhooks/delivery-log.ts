import type { Kysely } from 'kysely';
import type { DeliverySummary } from '../shared/webhooks.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import type { Delivery } from './claim.js';

export type { DeliverySummary };

/** A row in its shown form (`next_attempt_at` only while another attempt is planned). */
export function summarizeDelivery(d: Delivery): DeliverySummary {
  const planned = d.status === 'pending' || d.status === 'failed';
  return {
    id: d.id,
    webhook_id: d.webhook_id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: planned ? d.next_attempt_at : null,
    last_status: d.last_status,
    last_error: d.last_error,
    created: d.created,
    delivered_at: d.delivered_at,
    payload: JSON.parse(d.payload) as unknown,
  };
}

/** A page of a webhook's deliveries, newest first, optionally of one status, with the total. */
export async function listDeliveries(
  db: Kysely<Database>,
  webhookId: number,
  q: { status?: Delivery['status']; limit: number; offset: number },
) {
  let query = db.selectFrom('webhook_deliveries').where('webhook_id', '=', webhookId);
  if (q.status) query = query.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(summarizeDelivery), count: Number(total.n) };
}

/**
 * Sends a delivery again, whatever became of it: it is due at once with its retries counted
 * afresh for `maxAgeMs` from now. The message keeps its id, so a receiver that already has it
 * can recognise it. Undefined when the webhook has no such delivery.
 */
export async function replayDelivery(
  db: Kysely<Database>,
  webhookId: number,
  deliveryId: number,
  now: Date,
  maxAgeMs: number,
): Promise<DeliverySummary | undefined> {
  const row = await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: isoMicro(now),
      retry_until: isoMicro(new Date(now.getTime() + maxAgeMs)),
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .returningAll()
    .executeTakeFirst();
  return row && summarizeDelivery(row);
}

/** One delivery of a webhook. */
export async function findDelivery(
  db: Kysely<Database>,
  webhookId: number,
  deliveryId: number,
): Promise<DeliverySummary | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  return row && summarizeDelivery(row);
}
