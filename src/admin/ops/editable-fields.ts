import type { Kysely } from 'kysely';
import type { AccountSchema } from '../../content/account-schema.js';
import { collectReferences, renderFields } from '../../content/render-fields.js';
import { chunks, LOOKUP_CHUNK } from '../../content/write/reference-limits.js';
import type { Database } from '../../store/tables.js';

/**
 * Stored field values in the form a write takes back, for the dashboard's editors: references as
 * page slugs or item ids (one query for all rows), media as absolute Ghee URLs, empty fields as
 * their empty values. Saving the result unchanged changes nothing. Gone targets are left out.
 */
export async function editableFields(
  db: Kysely<Database>,
  schema: AccountSchema,
  rows: { type_id: number; fields: string | null }[],
  publicUrl: string,
): Promise<Record<string, unknown>[]> {
  const parsed = rows.map((row) => ({
    type: schema.byId.get(row.type_id),
    values: row.fields === null ? {} : JSON.parse(row.fields),
  }));
  const ids = new Set<number>();
  for (const { type, values } of parsed) if (type) collectReferences(type.fields, values, schema, ids);
  const handles = new Map<number, string | number>();
  // In chunks: content stored before the per-field cap may name more targets than one statement binds.
  for (const slice of chunks([...ids], LOOKUP_CHUNK)) {
    const targets = await db
      .selectFrom('entries')
      .select(['id', 'type_id', 'slug'])
      .where('id', 'in', slice)
      .where('account_id', '=', schema.accountId)
      .execute();
    for (const t of targets)
      handles.set(t.id, schema.byId.get(t.type_id)?.kind === 'collection' ? t.id : (t.slug ?? t.id));
  }
  const resolve = (id: number) => handles.get(id) ?? null;
  return parsed.map(({ type, values }) =>
    type ? renderFields(type.fields, values, schema, { resolve, publicUrl }) : {},
  );
}
