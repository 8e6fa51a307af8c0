import { loadAccountSchema, type AccountSchema } from '../../src/content/account-schema.js';
import { applySchema } from '../../src/content/schema/apply-schema.js';
import type { SchemaDocument } from '../../src/content/schema/types.js';
import { writeEntry, type EntryWrite } from '../../src/content/write/write-entry.js';
import type { Store } from '../../src/store/database.js';

/** The account's current schema snapshot, as the server would load it. */
export async function schemaOf(store: Store, accountId: number): Promise<AccountSchema> {
  const row = await store.db.selectFrom('accounts').select('schema_version').where('id', '=', accountId).executeTakeFirstOrThrow();
  return loadAccountSchema(store.db, accountId, row.schema_version);
}

/** Applies a schema document (no data loss allowed) and returns the new snapshot. */
export async function withSchema(store: Store, accountId: number, doc: SchemaDocument): Promise<AccountSchema> {
  await applySchema(store.db, accountId, doc, { dryRun: false, allowDataLoss: false });
  return schemaOf(store, accountId);
}

/** Writes one entry through the real write operation; `type` is `<kind>:<key>`. */
export async function write(store: Store, accountId: number, type: string, w: Omit<EntryWrite, 'type'>): Promise<number> {
  const schema = await schemaOf(store, accountId);
  const contentType = schema.byKey.get(type);
  if (!contentType) throw new Error(`no content type ${type}`);
  return (await writeEntry(store.db, schema, { ...w, type: contentType })).id;
}
