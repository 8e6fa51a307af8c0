import type { Selectable, Transaction } from 'kysely';
import { errors } from '../../errors/index.js';
import type { SubjectKind, TrashTable } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';

/** A trash row, as its id and (from a path) its kind name it. */
export interface TrashRef {
  trashId: number;
  /** Absent (the CLI): whatever the row holds. */
  kind?: SubjectKind;
}

export type TrashRow = Selectable<TrashTable>;

/**
 * Takes a trash row out, in a restore's or purge's transaction; the read's 404 when the account
 * has none such. Deleting first makes it a claim: a second restore or purge of the same row
 * waits for this transaction, then finds nothing; a refusal later rolls the row back in.
 */
export async function takeTrashRow(trx: Transaction<Database>, accountId: number, ref: TrashRef): Promise<TrashRow> {
  let query = trx.deleteFrom('trash').where('account_id', '=', accountId).where('id', '=', ref.trashId);
  if (ref.kind) query = query.where('kind', '=', ref.kind);
  const row = await query.returningAll().executeTakeFirst();
  if (!row) throw errors.notFound();
  return row;
}
