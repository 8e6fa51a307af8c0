import type { Transaction } from 'kysely';
import type { AccountSchema } from '../content/account-schema.js';
import type { Dialect } from '../store/dialect/dialect.js';
import type { Database } from '../store/tables.js';
import type { ArchivedHistory } from './history-format.js';
import type { ImportedSubjects } from './imported-subjects.js';
import { restoreAudit } from './restore-audit.js';
import { restoreTrash } from './restore-trash.js';
import { restoreVersions } from './restore-versions.js';

/** What the history step brought: versions, trash rows and audit records. */
export interface RestoredHistory {
  versions: number;
  trash: number;
  audit: number;
}

/**
 * Restores an archive's history into the account, in the history step's transaction, after
 * the content it belongs to: the trash first (its subjects get their ids here), then the
 * versions of what the import wrote and of that trash, then the audit records.
 */
export async function restoreHistory(
  trx: Transaction<Database>,
  dialect: Dialect,
  schema: AccountSchema,
  history: ArchivedHistory,
  subjects: ImportedSubjects,
): Promise<RestoredHistory> {
  const trashed = await restoreTrash(trx, dialect, schema, history.trash, subjects);
  const versions = await restoreVersions(trx, schema, history.versions, subjects, trashed);
  const audit = await restoreAudit(trx, schema.accountId, history.audit, subjects, trashed);
  return { versions, trash: trashed.size, audit };
}
