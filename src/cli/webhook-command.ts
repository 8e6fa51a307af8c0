import { PlanFeatureError } from '../accounts/manage-tokens.js';
import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import { cliActor } from '../audit/actor.js';
import { cliMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { testWebhook } from '../webhooks/test-webhook.js';
import { ALL_EVENTS, checkEvents, checkHeaders, checkUrl, WebhookInputError } from '../webhooks/webhook-input.js';
import { createWebhook, deleteWebhook, findWebhook, listWebhooks } from '../webhooks/webhook-store.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee webhook add [--account ID] --url URL [--events a,b] [--header K:V]... [--json] | ghee webhook list [--account ID] [--json] | ghee webhook remove|test [--account ID] WEBHOOK_ID [--json]';

/** `ghee webhook add|list|remove|test`: an account's webhooks; `add` prints the signing secret once. */
export async function webhookCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(
    rest,
    {
      account: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string' },
      header: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (sub !== 'add' && sub !== 'list' && sub !== 'remove' && sub !== 'test') throw usage(USAGE);
  const account = await resolveAccount(
    store.db,
    values.account === undefined ? undefined : integer(values.account, '--account'),
  ).catch((error: unknown) => {
    throw error instanceof AccountInputError ? new CliError(error.message) : error;
  });
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json) : text);
  if (sub === 'list') {
    const hooks = await listWebhooks(store.db, account.id);
    print(
      hooks,
      hooks.map((h) => `${h.id}\t${h.url}\t${h.events.join(',')}${h.enabled ? '' : '\tdisabled'}`).join('\n'),
    );
    return 0;
  }
  if (sub === 'add') {
    if (positionals.length || values.url === undefined) throw usage(USAGE);
    try {
      const headers = checkHeaders(Object.fromEntries((values.header ?? []).map(splitHeader)));
      const events =
        values.events === undefined ? ALL_EVENTS : checkEvents(values.events.split(',').map((e) => e.trim()));
      const url = await checkUrl(values.url, io.config.webhookAllowPrivate);
      const created = await createWebhook(store.db, account, { url, events, headers, enabled: true }, cliActor());
      print(created, `webhook ${created.id} added; its signing secret (shown this once):\n${created.secret}`);
      return 0;
    } catch (error) {
      if (error instanceof WebhookInputError)
        throw new CliError(`--${error.field === 'headers' ? 'header' : error.field}: ${error.message}`);
      if (error instanceof PlanFeatureError)
        throw new CliError(cliMessages.webhooksUnavailable(error.message, account.id));
      throw error;
    }
  }
  if (positionals.length !== 1) throw usage(USAGE);
  const id = integer(positionals[0]!, 'WEBHOOK_ID');
  const hook = await findWebhook(store.db, account.id, id);
  if (!hook) throw new CliError(cliMessages.noWebhook(account.id, id));
  if (sub === 'remove') {
    await deleteWebhook(store.db, account.id, id, cliActor());
    print({ id, removed: true }, `webhook ${id} removed`);
    return 0;
  }
  const c = io.config;
  const delivery = await testWebhook(store.db, hook, {
    allowPrivate: c.webhookAllowPrivate,
    maxAgeMs: c.webhookMaxAgeMs,
    backoffMs: c.webhookBackoffMs,
    holder: 'cli',
    now: () => new Date(),
  });
  print(
    delivery,
    delivery.status === 'delivered'
      ? `delivered (HTTP ${delivery.last_status})`
      : `not delivered: ${delivery.last_error}`,
  );
  return delivery.status === 'delivered' ? 0 : 1;
}

/** `Name: value` (or `Name:value`) of a --header flag. */
function splitHeader(raw: string): [string, string] {
  const at = raw.indexOf(':');
  if (at <= 0) throw new WebhookInputError('headers', cliMessages.headerFormat(raw));
  return [raw.slice(0, at).trim(), raw.slice(at + 1).trim()];
}
