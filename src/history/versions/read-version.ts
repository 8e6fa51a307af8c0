import { findVersion } from './version-rows.js';
import { versionView, type VersionView } from './version-object.js';
import type { VersionSubject } from './version-subject.js';
import type { VersionsContext } from './versions-context.js';

/**
 * One version of the account by its id (as sent), with its content; given a subject, only one of
 * that page, item or post. Any other id is the read's 404.
 */
export async function readVersion(
  c: VersionsContext,
  rawId: string | number,
  subject?: VersionSubject,
): Promise<VersionView> {
  const row = await findVersion(c.db, c.schema.accountId, rawId, subject);
  return versionView(c.db, c.schema, row, c.urls);
}
