import type { Kysely, Selectable } from 'kysely';
import { errors } from '../../errors/index.js';
import { positiveId } from '../../params/positive-id.js';
import type { VersionsTable } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';
import type { VersionSubject } from './version-subject.js';

/** One stored version. */
export type VersionRow = Selectable<VersionsTable>;

/** A page of a list: at most 100 versions (the API's page_size cap). */
export interface VersionPage {
  limit: number;
  offset: number;
}

const MAX_LIMIT = 100;

/** One page of a subject's versions in one locale ('' for posts), newest first, and how many there are. */
export async function subjectVersionRows(
  db: Kysely<Database>,
  subject: VersionSubject,
  locale: string,
  page: VersionPage,
): Promise<{ rows: VersionRow[]; count: number }> {
  const ofSubject = db
    .selectFrom('versions')
    .where('account_id', '=', subject.accountId)
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('locale', '=', locale);
  const [rows, total] = await Promise.all([
    ofSubject
      .selectAll()
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(page.limit, 1), MAX_LIMIT))
      .offset(page.offset)
      .execute(),
    ofSubject.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  return { rows, count: Number(total?.n ?? 0) };
}

/**
 * The version of a path's id (as sent) in the account, and when `subject` is given, of that page,
 * item or post: anything else (another subject's, another account's, none) is the read's 404.
 */
export async function findVersion(
  db: Kysely<Database>,
  accountId: number,
  rawId: string | number,
  subject?: VersionSubject,
): Promise<VersionRow> {
  const id = typeof rawId === 'number' ? rawId : positiveId(rawId);
  const row =
    id === null
      ? undefined
      : await db
          .selectFrom('versions')
          .selectAll()
          .where('id', '=', id)
          .where('account_id', '=', accountId)
          .executeTakeFirst();
  if (!row || (subject && (row.kind !== subject.kind || row.subject_id !== subject.id))) throw errors.notFound();
  return row;
}
