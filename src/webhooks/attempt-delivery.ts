import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { retryDelayMs } from './backoff.js';
import type { Delivery } from './claim.js';
import { sendWebhook } from './send-webhook.js';
import { signedHeaders } from './signing.js';

/** What an attempt needs besides the delivery (the server's WEBHOOK_* settings). */
export interface AttemptOptions {
  allowPrivate: boolean;
  maxAgeMs: number;
  backoffMs: number;
  /** The lease holder: only its own claim is finished (a late node cannot overwrite another's). */
  holder: string;
  now: () => Date;
}

/** The `webhook-id` of a delivery: the same on every retry, so receivers can drop duplicates. */
export function messageId(deliveryId: number): string {
  return `msg_${deliveryId}`;
}

/**
 * Makes one attempt at a claimed delivery and records it: delivered on 2xx; otherwise retried
 * with backoff while retryable and within its age limit, else dead. Returns the new status.
 */
export async function attemptDelivery(
  db: Kysely<Database>,
  delivery: Delivery,
  options: AttemptOptions,
): Promise<Delivery['status']> {
  const hook = await db
    .selectFrom('webhooks')
    .select(['url', 'secret', 'headers'])
    .where('id', '=', delivery.webhook_id)
    .executeTakeFirst();
  if (!hook) return 'dead'; // deleted meanwhile: its deliveries went with it
  const custom = JSON.parse(hook.headers) as Record<string, string>;
  const headers = {
    ...custom,
    'content-type': 'application/json',
    'user-agent': 'Ghee-Webhooks',
    ...signedHeaders(hook.secret, messageId(delivery.id), options.now(), delivery.payload),
  };
  const result = await sendWebhook(hook.url, headers, delivery.payload, options.allowPrivate);
  const now = options.now();
  const attempts = delivery.attempts + 1;
  const base = { attempts, last_status: result.status, last_error: result.error, locked_by: null, locked_until: null };
  let update;
  if (result.error === null) {
    update = { ...base, status: 'delivered' as const, delivered_at: isoMicro(now) };
  } else {
    const deadline = delivery.retry_until
      ? Date.parse(delivery.retry_until)
      : Date.parse(delivery.created) + options.maxAgeMs;
    const next = now.getTime() + retryDelayMs(attempts, options.backoffMs);
    const dead = !result.retryable || next > deadline;
    update = {
      ...base,
      status: dead ? ('dead' as const) : ('failed' as const),
      next_attempt_at: isoMicro(new Date(dead ? now.getTime() : next)),
    };
  }
  await db
    .updateTable('webhook_deliveries')
    .set(update)
    .where('id', '=', delivery.id)
    .where('locked_by', '=', options.holder)
    .execute();
  return update.status;
}
