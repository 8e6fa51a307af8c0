import type { Transaction } from 'kysely';
import {
  checkSiteSettings,
  readSiteSettings,
  SiteSettingsError,
  writeSiteSettings,
  type SiteSettings,
} from '../accounts/site-settings.js';
import type { Database } from '../store/tables.js';
import { ArchiveError } from './archive-io.js';
import type { ConflictMode } from './restore-terms.js';

/**
 * The archive's site settings (`settings.json`), checked as a write's would be, before the import
 * changes anything; an archive without the file carries none. Keys other than the settings'
 * (a newer Ghee's) are ignored.
 */
export function archivedSettings(archived: unknown): Partial<SiteSettings> {
  if (archived === undefined) return {};
  if (typeof archived !== 'object' || archived === null || Array.isArray(archived))
    throw new ArchiveError('settings.json must hold an object');
  const { site_url, feed_title } = archived as Record<string, unknown>;
  try {
    return checkSiteSettings({ site_url, feed_title });
  } catch (error) {
    if (error instanceof SiteSettingsError) throw new ArchiveError(`settings.json: ${error.message}`);
    throw error;
  }
}

/**
 * Restores checked settings in the import's transaction. A setting the archive leaves unset
 * changes nothing; with `skip` the account keeps a setting it has, with `replace` the archive's wins.
 */
export async function restoreSettings(
  trx: Transaction<Database>,
  accountId: number,
  given: Partial<SiteSettings>,
  mode: ConflictMode,
): Promise<void> {
  const current = await readSiteSettings(trx, accountId);
  const change: Partial<SiteSettings> = {};
  for (const key of ['site_url', 'feed_title'] as const) {
    const value = given[key];
    if (value != null && (mode === 'replace' || current?.[key] == null)) change[key] = value;
  }
  await writeSiteSettings(trx, accountId, change);
}
