import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { FEEDS_TAG } from '../blog/feeds/feeds-tag.js';
import { recordChange } from '../cache/content-changes.js';
import { messages } from '../errors/index.js';
import type { Database } from '../store/tables.js';

/** An account's site settings (docs/api.md, Feeds): null means unset. */
export interface SiteSettings {
  site_url: string | null;
  feed_title: string | null;
}

/** The limits of the settings. */
const SITE_URL_MAX = 2000;
const FEED_TITLE_MAX = 200;

/** Settings that cannot be taken: every failing one with its messages (the 400's field errors). */
export class SiteSettingsError extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(
      Object.entries(fields)
        .map(([field, list]) => `${field}: ${list.join(' ')}`)
        .join('\n'),
    );
  }
}

// C0, DEL and C1 controls; a URL parser would silently drop tabs and newlines, so they are refused.
const CONTROL = /\p{Cc}/u;

/** A checked value, or why it cannot be taken. */
type Checked = { value: string | null } | { error: string };

/** The site's base URL, normalised (lowercase scheme and host, no trailing slash); "" unsets it. */
function checkSiteUrl(raw: unknown): Checked {
  if (raw === null || raw === '') return { value: null };
  if (typeof raw !== 'string') return { error: messages.notString };
  if (raw.length > SITE_URL_MAX) return { error: messages.maxLength(SITE_URL_MAX) };
  let url: URL;
  try {
    if (CONTROL.test(raw) || /\s/.test(raw)) return { error: messages.siteUrl };
    url = new URL(raw);
  } catch {
    return { error: messages.siteUrl };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname)
    return { error: messages.siteUrl };
  if (raw.includes('?') || raw.includes('#')) return { error: messages.siteUrlParts };
  return { value: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** The feeds' title, trimmed; "" (or only spaces) unsets it. */
function checkFeedTitle(raw: unknown): Checked {
  if (raw === null) return { value: null };
  if (typeof raw !== 'string') return { error: messages.notString };
  if (CONTROL.test(raw)) return { error: messages.controlCharacters };
  const title = raw.trim();
  if ([...title].length > FEED_TITLE_MAX) return { error: messages.maxLength(FEED_TITLE_MAX) };
  return { value: title || null };
}

/**
 * Checks the settings given (absent keys are left out of the answer; null or "" unsets one) and
 * answers them normalised; throws a SiteSettingsError naming every failing one.
 */
export function checkSiteSettings(input: { site_url?: unknown; feed_title?: unknown }): Partial<SiteSettings> {
  const out: Partial<SiteSettings> = {};
  const fields: Record<string, string[]> = {};
  for (const [key, check] of [
    ['site_url', checkSiteUrl],
    ['feed_title', checkFeedTitle],
  ] as const) {
    if (input[key] === undefined) continue;
    const checked = check(input[key]);
    if ('error' in checked) fields[key] = [checked.error];
    else out[key] = checked.value;
  }
  if (Object.keys(fields).length) throw new SiteSettingsError(fields);
  return out;
}

/** An account's site settings, or undefined when there is no such account. */
export async function readSiteSettings(db: Kysely<Database>, accountId: number): Promise<SiteSettings | undefined> {
  return db.selectFrom('accounts').select(['site_url', 'feed_title']).where('id', '=', accountId).executeTakeFirst();
}

/**
 * Changes some of an account's site settings (checked as `checkSiteSettings`) and answers them
 * all, or undefined when there is no such account. A change leaves a `site.update` audit record.
 */
export async function setSiteSettings(
  db: Kysely<Database>,
  accountId: number,
  input: { site_url?: unknown; feed_title?: unknown },
  actor: Actor,
): Promise<SiteSettings | undefined> {
  const change = checkSiteSettings(input);
  return db.transaction().execute((trx) => writeSiteSettings(trx, accountId, change, actor));
}

/**
 * Writes checked settings in the caller's transaction and answers them all (undefined: no such
 * account). A change is recorded with the cache tag `feeds`, so every node drops the account's
 * cached feeds at its next request; writing the same values records nothing. With an `actor`,
 * a change also leaves its `site.update` audit record (an archive import has a record of its own).
 */
export async function writeSiteSettings(
  trx: Transaction<Database>,
  accountId: number,
  change: Partial<SiteSettings>,
  actor?: Actor,
): Promise<SiteSettings | undefined> {
  const current = await readSiteSettings(trx, accountId);
  if (!current) return undefined;
  const next = { ...current, ...change };
  if (next.site_url === current.site_url && next.feed_title === current.feed_title) return current;
  await trx.updateTable('accounts').set(next).where('id', '=', accountId).execute();
  await recordChange(trx, accountId, [FEEDS_TAG]);
  if (actor) {
    const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== current[k as keyof SiteSettings]));
    await recordAudit(trx, actor, [
      { accountId, action: 'site.update', kind: 'account', targetId: accountId, detail: changed },
    ]);
  }
  return next;
}
