// Webhooks and their deliveries as the admin API shows them (docs/webhooks.md).

/** Where a delivery stands: `failed` is retried, `dead` is not (until replayed). */
export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered', 'dead'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A webhook as the admin API and the CLI show it: never its secret after creation. */
export interface WebhookSummary {
  id: number;
  url: string;
  events: string[];
  headers: Record<string, string>;
  enabled: boolean;
  created: string;
}

/** The answer that adds a webhook: its signing secret, this once. */
export type NewWebhook = WebhookSummary & { secret: string };

/** A delivery as the log shows it, with the payload that was (or will be) sent. */
export interface DeliverySummary {
  id: number;
  webhook_id: number;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  /** Only while another attempt is planned. */
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created: string;
  delivered_at: string | null;
  payload: unknown;
}
