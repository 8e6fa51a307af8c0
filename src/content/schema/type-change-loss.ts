import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { SchemaChange } from './schema-change.js';
import { storedLeaves } from './stored-leaves.js';
import { typeChanges, typesHolding } from './type-changes.js';
import type { SchemaDocument } from './types.js';
import { anyValueChanged } from './value-fate.js';
import { forEachVersionBatch } from './version-batches.js';

/**
 * Decides `dataLoss` of each type change from the values stored: true exactly when one of them
 * would be lost or altered (value-fate.ts), not merely because the type holds entries. Reads the
 * versions of the types that can hold the fields, a batch at a time, and stops once every type
 * change is decided. Run by dry runs and applies alike, so both tell the same.
 */
export async function markTypeChangeLoss(
  db: Kysely<Database>,
  accountId: number,
  current: SchemaDocument,
  next: SchemaDocument,
  changes: SchemaChange[],
): Promise<void> {
  // The diff flagged the type changes of types that hold entries; the others hold nothing.
  const open = new Map(
    typeChanges(current, next, changes)
      .filter((t) => t.change.dataLoss)
      .map((t) => [t.path, t]),
  );
  if (!open.size) return;
  for (const t of open.values()) t.change.dataLoss = false;
  const componentOf = (key: string | undefined) => (key && current.components?.[key]?.fields) || {};
  const types = typesHolding(current, open.keys());
  const typeOf = new Map(types.map((t) => [`${t.kind}:${t.key}`, t]));
  await forEachVersionBatch(db, accountId, types, async (rows) => {
    const values = new Map<string, unknown[]>();
    for (const row of rows) {
      const type = typeOf.get(`${row.kind}:${row.key}`)!;
      for (const leaf of storedLeaves(type.fields, JSON.parse(row.fields), {
        root: type.root,
        componentOf,
        wanted: (at) => open.has(at),
      })) {
        (values.get(leaf.at) ?? values.set(leaf.at, []).get(leaf.at)!).push(leaf.value);
      }
    }
    for (const [path, list] of values) {
      const t = open.get(path)!;
      if (await anyValueChanged(t.from, t.to, list)) {
        t.change.dataLoss = true;
        open.delete(path);
      }
    }
    return open.size > 0;
  });
}
