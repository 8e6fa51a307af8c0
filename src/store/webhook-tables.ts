import type { Generated } from 'kysely';
import type { DeliveryStatus } from '../shared/webhooks.js';

// Row shapes of the webhook tables (migration 007); see src/webhooks/.

/** A receiver of an account's content events. */
export interface WebhooksTable {
  id: Generated<number>;
  account_id: number;
  url: string;
  /** Subscribed event names, comma-separated (`page.published,post.all`). */
  events: string;
  /** Custom request headers, a JSON object of strings. */
  headers: string;
  /** `whsec_` + base64 of the HMAC key (Standard Webhooks). */
  secret: string;
  enabled: number;
  created: string;
}

/** One event for one webhook: the outbox row, its attempts and its lease. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  /** The exact JSON body sent (signed as is). */
  payload: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** Retries stop after this instant; null means `created` plus the configured maximum age. */
  retry_until: string | null;
  locked_by: string | null;
  locked_until: string | null;
  last_status: number | null;
  last_error: string | null;
  created: string;
  delivered_at: string | null;
}

/** The webhook tables, merged into Database. */
export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
