import { fieldChanges, type FieldChange } from './field-changes.js';
import { versionView } from './version-object.js';
import { findVersion } from './version-rows.js';
import type { VersionSubject } from './version-subject.js';
import type { VersionsContext } from './versions-context.js';

/**
 * What changed from version `a` to version `b` (ids as sent), field by field, both read as
 * readVersion shows them. Both must be of one subject (`subject`, when given): else the read's 404.
 */
export async function compareVersions(
  c: VersionsContext,
  a: string | number,
  b: string | number,
  subject?: VersionSubject,
): Promise<{ changes: FieldChange[] }> {
  const accountId = c.schema.accountId;
  const from = await findVersion(c.db, accountId, a, subject);
  const to = await findVersion(c.db, accountId, b, subject ?? { accountId, kind: from.kind, id: from.subject_id });
  const [older, newer] = [
    await versionView(c.db, c.schema, from, c.urls),
    await versionView(c.db, c.schema, to, c.urls),
  ];
  return { changes: fieldChanges(older.fields, newer.fields) };
}
