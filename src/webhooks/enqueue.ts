import type { Kysely } from 'kysely';
import { planNamed } from '../accounts/plans.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { splitEvents, subscribes, type EventName } from './events.js';

/** One event to report: its name and the `data` object of ButterCMS's payload. */
export interface WebhookEvent {
  event: EventName;
  data: Record<string, unknown>;
}

/** The account's enabled webhooks, or none when its plan (now) lacks webhooks. */
async function subscribers(trx: Kysely<Database>, accountId: number) {
  const rows = await trx
    .selectFrom('webhooks as w')
    .innerJoin('accounts as a', 'a.id', 'w.account_id')
    .select(['w.id', 'w.url', 'w.events', 'a.plan'])
    .where('w.account_id', '=', accountId)
    .where('w.enabled', '=', 1)
    .execute();
  return rows
    .filter((r) => planNamed(r.plan)?.webhooks)
    .map((r) => ({ id: r.id, url: r.url, events: splitEvents(r.events) }));
}

/**
 * The outbox: called inside a content write's transaction, it inserts one pending delivery per
 * event and subscribed webhook, so the deliveries commit with the change or roll back with it.
 * `events` may be a function, so that payloads are only built when someone listens (one query
 * per write otherwise). Returns how many deliveries it queued.
 */
export async function enqueueEvents(
  trx: Kysely<Database>,
  accountId: number,
  events: WebhookEvent[] | (() => Promise<WebhookEvent[]>),
  now = new Date(),
): Promise<number> {
  const hooks = await subscribers(trx, accountId);
  if (hooks.length === 0) return 0;
  const list = typeof events === 'function' ? await events() : events;
  const stamp = isoMicro(now);
  const rows = list.flatMap((e) =>
    hooks
      .filter((h) => subscribes(h.events, e.event))
      .map((h) => ({
        webhook_id: h.id,
        event: e.event,
        payload: JSON.stringify({ data: e.data, webhook: { event: e.event, target: h.url } }),
        status: 'pending' as const,
        next_attempt_at: stamp,
        created: stamp,
      })),
  );
  if (rows.length) await trx.insertInto('webhook_deliveries').values(rows).execute();
  return rows.length;
}

/** ButterCMS's `timestamp`: when the event was generated, UTC, to the second, without a zone. */
export function eventTimestamp(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

/** `editor` of a payload that no one's action caused (a test delivery); otherwise the actor's name. */
export const EDITOR = 'Ghee';
