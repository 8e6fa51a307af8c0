import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { PlanFeatureError } from '../accounts/manage-tokens.js';
import { planNamed } from '../accounts/plans.js';
import { accountMessages } from '../errors/index.js';
import type { Database } from '../store/tables.js';
import type { NewWebhook, WebhookSummary } from '../shared/webhooks.js';
import type { WebhooksTable } from '../store/webhook-tables.js';
import { isoMicro } from '../time.js';
import { joinEvents, splitEvents } from './events.js';
import { newSecret } from './signing.js';

export type { WebhookSummary };

/** Settings of a webhook (already checked by webhook-input.ts). */
export interface WebhookSettings {
  url: string;
  events: string[];
  headers: Record<string, string>;
  enabled: boolean;
}

/** A stored row in its shown form. */
export function summarizeWebhook(row: Selectable<WebhooksTable>): WebhookSummary {
  return {
    id: row.id,
    url: row.url,
    events: splitEvents(row.events),
    headers: JSON.parse(row.headers) as Record<string, string>,
    enabled: row.enabled === 1,
    created: row.created,
  };
}

/**
 * What a webhook's audit record says of it: where it goes (scheme and host: a path or query may
 * hold a secret, as headers may) and what it listens to.
 */
function described(s: Partial<WebhookSettings>) {
  return {
    ...(s.url !== undefined && { target: new URL(s.url).origin }),
    ...(s.events !== undefined && { events: s.events }),
    ...(s.headers !== undefined && { headers: Object.keys(s.headers) }),
    ...(s.enabled !== undefined && { enabled: s.enabled }),
  };
}

/**
 * Adds a webhook with a new signing secret, returned this once, and its `webhook.create` audit
 * record. Throws PlanFeatureError when the account's plan has no webhooks (the admin API's 403).
 */
export async function createWebhook(
  db: Kysely<Database>,
  account: { id: number; plan: string },
  s: WebhookSettings,
  actor: Actor,
  now = new Date(),
): Promise<NewWebhook> {
  if (!planNamed(account.plan)?.webhooks) throw new PlanFeatureError(accountMessages.noWebhooks(account.plan));
  const secret = newSecret();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhooks')
      .values({
        account_id: account.id,
        url: s.url,
        events: joinEvents(s.events),
        headers: JSON.stringify(s.headers),
        secret,
        enabled: s.enabled ? 1 : 0,
        created: isoMicro(now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = { accountId: account.id, action: 'webhook.create', kind: 'webhook', targetId: row.id };
    await recordAudit(trx, actor, [{ ...entry, detail: described(s) }], now);
    return { ...summarizeWebhook(row), secret };
  });
}

/** The account's webhooks, oldest first. */
export async function listWebhooks(db: Kysely<Database>, accountId: number): Promise<WebhookSummary[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  return rows.map(summarizeWebhook);
}

/** One webhook of the account, or undefined. */
export async function findWebhook(
  db: Kysely<Database>,
  accountId: number,
  id: number,
): Promise<WebhookSummary | undefined> {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && summarizeWebhook(row);
}

/**
 * Changes the settings given, with a `webhook.update` audit record of what was sent; undefined
 * when the account has no such webhook.
 */
export async function updateWebhook(
  db: Kysely<Database>,
  accountId: number,
  id: number,
  s: Partial<WebhookSettings>,
  actor: Actor,
): Promise<WebhookSummary | undefined> {
  const set = {
    ...(s.url !== undefined && { url: s.url }),
    ...(s.events !== undefined && { events: joinEvents(s.events) }),
    ...(s.headers !== undefined && { headers: JSON.stringify(s.headers) }),
    ...(s.enabled !== undefined && { enabled: s.enabled ? 1 : 0 }),
  };
  if (Object.keys(set).length === 0) return findWebhook(db, accountId, id);
  return db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('webhooks')
      .set(set)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return undefined;
    const entry = { accountId, action: 'webhook.update', kind: 'webhook', targetId: id };
    await recordAudit(trx, actor, [{ ...entry, detail: described(s) }]);
    return findWebhook(trx, accountId, id);
  });
}

/** Removes a webhook and its delivery log, with a `webhook.delete` audit record; false when there was none. */
export async function deleteWebhook(
  db: Kysely<Database>,
  accountId: number,
  id: number,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('webhooks')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .returning('url')
      .executeTakeFirst();
    if (!gone) return false;
    const entry = { accountId, action: 'webhook.delete', kind: 'webhook', targetId: id };
    await recordAudit(trx, actor, [{ ...entry, detail: described({ url: gone.url }) }]);
    return true;
  });
}
