import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { attemptDelivery, type AttemptOptions } from './attempt-delivery.js';
import { findDelivery, type DeliverySummary } from './delivery-log.js';
import { EDITOR, eventTimestamp } from './enqueue.js';

/**
 * Sends a sample `page.published` event (page `webhook-test`) to a webhook now, through the
 * outbox like any other (so it is in the log, signed, and retried if the attempt fails), and
 * returns the delivery after that first attempt.
 */
export async function testWebhook(
  db: Kysely<Database>,
  hook: { id: number; url: string },
  options: AttemptOptions,
): Promise<DeliverySummary> {
  const now = options.now();
  const data = {
    id: 'webhook-test',
    buttercms_id: 0,
    page_type: '*',
    editor: EDITOR,
    name: 'Webhook test',
    timestamp: eventTimestamp(now),
    locale: null,
    status: 'published',
    updated: isoMicro(now),
    published: isoMicro(now),
    scheduled: null,
  };
  const payload = JSON.stringify({ data, webhook: { event: 'page.published', target: hook.url } });
  // Claimed by the caller from the start, so no dispatcher attempts it at the same time.
  const row = await db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: hook.id,
      event: 'page.published',
      payload,
      status: 'pending',
      next_attempt_at: isoMicro(now),
      created: isoMicro(now),
      locked_by: options.holder,
      locked_until: isoMicro(new Date(now.getTime() + 60_000)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await attemptDelivery(db, row, options);
  return (await findDelivery(db, hook.id, row.id))!;
}
