import type { Transaction } from 'kysely';
import type { AccountSchema, ContentType } from '../account-schema.js';
import { deriveRows, indexedText } from '../write/derived-rows.js';
import type { Database } from '../../store/tables.js';
import type { StoredLeaf } from './stored-leaves.js';
import type { VersionRow } from './version-batches.js';

/**
 * Writes back a version whose text leaves were changed in place (rich text sanitised again),
 * with UPDATEs only: its fields, the filter-index rows of those leaves, and its search document.
 * Its status, timestamps and references stay. Only updates, so the start-up migration that uses
 * this keeps working whatever columns later migrations add to these tables.
 */
export async function rewriteVersion(
  trx: Transaction<Database>,
  schema: AccountSchema,
  type: ContentType,
  row: VersionRow,
  values: Record<string, unknown>,
  changed: StoredLeaf[],
): Promise<void> {
  const key = { entry_id: row.entry_id, locale: row.locale, channel: row.channel };
  await trx
    .updateTable('entry_versions')
    .set({ fields: JSON.stringify(values) })
    .where('entry_id', '=', key.entry_id)
    .where('locale', '=', key.locale)
    .where('channel', '=', key.channel)
    .execute();
  for (const leaf of changed) {
    if (leaf.indexedAs === null || typeof leaf.value !== 'string') continue;
    await trx
      .updateTable('field_values')
      .set({ text_value: indexedText(leaf.value) })
      .where('entry_id', '=', key.entry_id)
      .where('locale', '=', key.locale)
      .where('channel', '=', key.channel)
      .where('path', '=', leaf.indexedAs)
      .execute();
  }
  if (type.kind === 'collection') return;
  const doc = [row.name, row.slug ?? '', deriveRows(type.fields, values, schema).text].join('\n');
  await trx
    .updateTable('search_docs')
    .set({ doc })
    .where('entry_id', '=', key.entry_id)
    .where('locale', '=', key.locale)
    .where('channel', '=', key.channel)
    .execute();
}
