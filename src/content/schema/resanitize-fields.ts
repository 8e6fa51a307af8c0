import type { Transaction } from 'kysely';
import { loadAccountSchema } from '../account-schema.js';
import { componentFields } from '../empty-value.js';
import { sanitizeStored } from '../write/sanitize-stored.js';
import type { Database } from '../../store/tables.js';
import { rewriteVersion } from './rewrite-version.js';
import { storedLeaves, type StoredLeaf } from './stored-leaves.js';
import { rootOf, typesHolding } from './type-changes.js';
import type { SchemaDocument } from './types.js';
import { forEachVersionBatch } from './version-batches.js';

/**
 * Sanitises every stored value of the rich-text fields at `paths` (document paths) in the
 * account's schema `doc` as stored: every version, locale and channel, a batch of entries at a
 * time. A version whose values change is written back with its filter and search rows
 * (rewrite-version.ts). Runs in the caller's transaction. Returns how many versions changed.
 */
export async function resanitizeFields(
  trx: Transaction<Database>,
  accountId: number,
  doc: SchemaDocument,
  paths: ReadonlySet<string>,
): Promise<number> {
  if (!paths.size) return 0;
  const account = await trx
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(trx, accountId, account.schema_version);
  const componentOf = (key: string | undefined) => componentFields(schema, key);
  let rewritten = 0;
  await forEachVersionBatch(trx, accountId, typesHolding(doc, paths), async (rows) => {
    const found = rows.map((row) => {
      const type = schema.byKey.get(`${row.kind}:${row.key}`)!;
      const values = JSON.parse(row.fields) as Record<string, unknown>;
      const leaves = storedLeaves(type.fields, values, {
        root: rootOf(row.kind, row.key),
        componentOf,
        wanted: (at) => paths.has(at),
      }).filter((l): l is StoredLeaf & { value: string } => typeof l.value === 'string' && l.value !== '');
      return { row, type, values, leaves };
    });
    const clean = await sanitizeStored(found.flatMap((f) => f.leaves.map((l) => l.value)));
    let i = 0;
    for (const { row, type, values, leaves } of found) {
      const changed: StoredLeaf[] = [];
      for (const leaf of leaves) {
        const value = clean[i++]!;
        if (value === leaf.value) continue;
        changed.push({ ...leaf, value });
        leaf.set(value);
      }
      if (!changed.length) continue;
      rewritten++;
      await rewriteVersion(trx, schema, type, row, values, changed);
    }
  });
  return rewritten;
}
