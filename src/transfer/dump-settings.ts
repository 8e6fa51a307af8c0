import type { Kysely } from 'kysely';
import { readSiteSettings } from '../accounts/site-settings.js';
import type { Database } from '../store/tables.js';
import type { ArchivedSettings } from './archive-format.js';

/** The account's site settings for `settings.json`. */
export async function dumpSettings(db: Kysely<Database>, accountId: number): Promise<ArchivedSettings> {
  const settings = await readSiteSettings(db, accountId);
  return { site_url: settings?.site_url ?? null, feed_title: settings?.feed_title ?? null };
}
