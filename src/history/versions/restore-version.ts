import { restoreEntry } from './restore-entry.js';
import { restorePost } from './restore-post.js';
import { findVersion } from './version-rows.js';
import type { VersionSubject } from './version-subject.js';
import type { RestoreContext } from './versions-context.js';

/** How a restored version is written: as a draft over what readers see (the default), or published. */
export type RestoreStatus = 'draft' | 'published';

/**
 * Brings back version `rawId` (as sent) of the account, of `subject` when given (else the read's
 * 404), as the newest version of its page, item or post: restore-entry.ts and restore-post.ts say
 * what comes back. Returns the fields it left out, which keep their current values.
 */
export async function restoreVersion(
  c: RestoreContext,
  rawId: string | number,
  status: RestoreStatus,
  subject?: VersionSubject,
): Promise<{ leftOut: string[] }> {
  const row = await findVersion(c.db, c.schema.accountId, rawId, subject);
  return row.kind === 'post' ? restorePost(c, row, status) : restoreEntry(c, row, status);
}
