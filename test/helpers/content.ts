import { loadAccountSchema, type AccountSchema } from '../../src/content/account-schema.js';
import { applySchema } from '../../src/content/schema/apply-schema.js';
import type { SchemaDocument } from '../../src/content/schema/types.js';
import { writeEntry } from '../../src/content/write/write-entry.js';
import type { Store } from '../../src/store/database.js';
import { importActor } from '../../src/audit/actor.js';

/** The account's current schema snapshot, as the server would load it. */
export async function schemaOf(store: Store, accountId: number): Promise<AccountSchema> {
  const row = await store.db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return loadAccountSchema(store.db, accountId, row.schema_version);
}

/** Applies a schema document (no data loss allowed) and returns the new snapshot. */
export async function withSchema(store: Store, accountId: number, doc: SchemaDocument): Promise<AccountSchema> {
  await applySchema(store.db, accountId, doc, { dryRun: false, allowDataLoss: false });
  return schemaOf(store, accountId);
}

export interface SimpleWrite {
  slug?: string;
  id?: number;
  name?: string;
  locale: string;
  status?: 'draft' | 'published';
  fields: Record<string, unknown>;
}

/**
 * Writes one locale of an entry through the real write operation; `type` is `<kind>:<key>`.
 * Creates the page or item when it does not exist yet, replaces the locale's fields otherwise.
 */
export async function write(store: Store, accountId: number, type: string, w: SimpleWrite): Promise<number> {
  const schema = await schemaOf(store, accountId);
  const contentType = schema.byKey.get(type);
  if (!contentType) throw new Error(`no content type ${type}`);
  const slug = contentType.kind === 'single_page' ? contentType.key : w.slug;
  const exists =
    w.id !== undefined ||
    (slug !== undefined &&
      (await store.db
        .selectFrom('entries')
        .select('id')
        .where('type_id', '=', contentType.id)
        .where('slug', '=', slug)
        .executeTakeFirst()) !== undefined);
  const { id } = await writeEntry(
    store.db,
    schema,
    {
      type: contentType,
      intent: exists ? 'update' : 'create',
      slug,
      id: w.id,
      name: w.name,
      status: w.status,
      locales: { [w.locale]: w.fields },
    },
    { actor: importActor('test fixture') },
  );
  return id;
}
