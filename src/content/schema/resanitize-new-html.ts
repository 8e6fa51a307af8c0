import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import { newHtmlPaths } from './html-paths.js';
import { resanitizeFields } from './resanitize-fields.js';
import type { SchemaDocument } from './types.js';

/**
 * Inside the schema change's transaction, after the new schema is written: every stored value
 * that a rich-text field of `next` now reads, and that may never have passed the sanitiser
 * (html-paths.ts: a type change, a field or component back under a new type), is sanitised.
 * Without this, text stored raw would be served as sanitised rich text.
 */
export async function resanitizeNewHtml(
  trx: Transaction<Database>,
  accountId: number,
  current: SchemaDocument,
  next: SchemaDocument,
): Promise<number> {
  return resanitizeFields(trx, accountId, next, newHtmlPaths(current, next));
}
