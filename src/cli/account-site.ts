import { readSiteSettings, setSiteSettings, SiteSettingsError, type SiteSettings } from '../accounts/site-settings.js';
import { cliActor } from '../audit/actor.js';
import { accountMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const SET_SITE_USAGE = 'ghee account set-site ID [--site-url URL|none] [--feed-title TITLE|none] [--json]';

const FLAGS: Record<keyof SiteSettings, string> = { site_url: '--site-url', feed_title: '--feed-title' };

/**
 * `ghee account set-site ID [--site-url URL|none] [--feed-title TITLE|none]`: the feeds' site URL
 * and title (`none` unsets one); without either flag it shows them. The account's cached feeds
 * change from the next request on every node.
 */
export async function setSiteCommand(
  args: string[],
  io: CliIo,
  store: Store,
  integer: (raw: string, flag: string) => number,
): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { 'site-url': { type: 'string' }, 'feed-title': { type: 'string' }, json: { type: 'boolean' } },
    SET_SITE_USAGE,
  );
  const [id] = positionals;
  if (positionals.length !== 1 || !id) throw usage(SET_SITE_USAGE);
  const accountId = integer(id, 'ID');
  const given = (raw: string | undefined) => (raw === 'none' ? null : raw);
  const change = { site_url: given(values['site-url']), feed_title: given(values['feed-title']) };
  let settings: SiteSettings | undefined;
  try {
    settings =
      change.site_url === undefined && change.feed_title === undefined
        ? await readSiteSettings(store.db, accountId)
        : await setSiteSettings(store.db, accountId, change, cliActor());
  } catch (error) {
    if (!(error instanceof SiteSettingsError)) throw error;
    throw new CliError(
      Object.entries(error.fields)
        .map(([field, list]) => `${FLAGS[field as keyof SiteSettings]}: ${list.join(' ')}`)
        .join('\n'),
    );
  }
  if (!settings) throw new CliError(accountMessages.noAccount(accountId));
  if (values.json) io.out(JSON.stringify({ account: accountId, ...settings }));
  else
    io.out(
      `account ${accountId}: site URL ${settings.site_url ?? '(none: feed links are relative)'}, feed title ${settings.feed_title === null ? '(none: "Latest blog posts")' : `"${settings.feed_title}"`}`,
    );
  return 0;
}
