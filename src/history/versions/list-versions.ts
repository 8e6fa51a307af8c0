import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { versionSummary, type VersionSummary } from './version-object.js';
import { subjectVersionRows, type VersionPage } from './version-rows.js';
import type { VersionSubject } from './version-subject.js';

/**
 * A page's or item's versions in one locale, or a post's (`locale` null), newest first: one page
 * of them, and how many there are in all.
 */
export async function listVersions(
  db: Kysely<Database>,
  subject: VersionSubject,
  locale: string | null,
  page: VersionPage,
): Promise<{ versions: VersionSummary[]; count: number }> {
  const { rows, count } = await subjectVersionRows(db, subject, subject.kind === 'post' ? '' : (locale ?? ''), page);
  return { versions: rows.map(versionSummary), count };
}
