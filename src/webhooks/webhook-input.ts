import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { webhookMessages } from '../errors/index.js';
import { isPublicAddress } from '../media/address-policy.js';
import { SUBSCRIBABLE } from './events.js';

/** A webhook setting that cannot be taken; `field` names it (the admin API's field error). */
export class WebhookInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const RESERVED = /^(host|content-type|content-length|transfer-encoding|connection|user-agent|webhook-.*)$/i;
const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

/** A target URL, checked against the SSRF policy (names resolved now; again at every delivery). */
export async function checkUrl(raw: unknown, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    if (typeof raw !== 'string' || raw.length > 2000) throw new Error();
    url = new URL(raw);
  } catch {
    throw new WebhookInputError('url', webhookMessages.url);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookInputError('url', webhookMessages.url);
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // A name that does not resolve yet is accepted: the receiver may not be deployed yet.
    const addresses = isIP(host)
      ? [host]
      : await lookup(host, { all: true }).then(
          (list) => list.map((a) => a.address),
          () => [],
        );
    if (!addresses.every(isPublicAddress)) throw new WebhookInputError('url', webhookMessages.privateUrl);
  }
  return url.toString();
}

/** A subscription list: at least one known event name or catch-all. */
export function checkEvents(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((e) => typeof e === 'string' && SUBSCRIBABLE.includes(e))) {
    throw new WebhookInputError('events', webhookMessages.events(SUBSCRIBABLE));
  }
  return [...new Set(raw as string[])];
}

/** Custom headers: at most 20, plain names, single-line values, none that Ghee sets itself. */
export function checkHeaders(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new WebhookInputError('headers', webhookMessages.header);
  const entries = Object.entries(raw);
  const ok =
    entries.length <= 20 &&
    entries.every(
      ([k, v]) =>
        TOKEN.test(k) && !RESERVED.test(k) && typeof v === 'string' && v.length <= 1000 && !/[\r\n\0]/.test(v),
    );
  if (!ok) throw new WebhookInputError('headers', webhookMessages.header);
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * What a webhook created without `events` receives: every content event, through ButterCMS's
 * catch-alls. The media library's events (`media.all`) are asked for by name, so a receiver
 * written for ButterCMS never gets an event it does not know.
 */
export const ALL_EVENTS = ['page.all', 'collectionitem.all', 'post.all'];
