import type { Kysely } from 'kysely';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import type { EntryRow } from '../../content/entry-rows.js';
import type { Database } from '../../store/tables.js';
import { effectiveStatus } from '../../content/write/entry-schedule.js';
import { editableFields } from './editable-fields.js';
import { targetEntry, type EntryTarget } from './target-entry.js';

/** How the dashboard names an entry: pages by slug, type and name; items by id and collection. */
function handle(schema: AccountSchema, row: { id: number; type_id: number; slug: string | null }, name: string) {
  const type = schema.byId.get(row.type_id)!;
  if (type.kind === 'collection') return { id: row.id, collection: type.key };
  return { slug: row.slug, page_type: type.kind === 'page_type' ? type.key : null, name };
}

/**
 * Rows of a content table: each entry's newest version in the locale. `status` is that
 * version's; `published` is when the locale went live, null while it is not (a draft over a
 * published page has both).
 */
export async function summarizeEntries(
  db: Kysely<Database>,
  schema: AccountSchema,
  rows: EntryRow[],
  publicUrl: string,
  withFields: boolean,
) {
  const fields = withFields ? await editableFields(db, schema, rows, publicUrl) : [];
  return rows.map((row, i) => ({
    ...handle(schema, row, row.name),
    status: effectiveStatus(row),
    published: row.published,
    scheduled: row.scheduled,
    unpublish_at: row.unpublish_at,
    updated: row.updated,
    ...(withFields ? { fields: fields[i] } : {}),
  }));
}

/**
 * One page or item for its editor, in one locale: the newest version's values in the form a
 * write takes back, whether and since when it is live, and the locales it exists in. A locale it
 * has no version in yet reads as empty values with `status: null`, ready to be written.
 */
export async function editableEntry(
  db: Kysely<Database>,
  schema: AccountSchema,
  type: ContentType,
  target: EntryTarget,
  locale: string,
  publicUrl: string,
) {
  const entry = await targetEntry(db, schema, type, target);
  const versions = await db
    .selectFrom('entry_versions')
    .selectAll()
    .where('entry_id', '=', entry.id)
    .orderBy('locale')
    .execute();
  const latest = versions.find((v) => v.locale === locale && v.channel === 'latest');
  const live = versions.find((v) => v.locale === locale && v.channel === 'published');
  const [fields] = await editableFields(db, schema, [{ type_id: type.id, fields: latest?.fields ?? null }], publicUrl);
  return {
    ...handle(schema, entry, latest?.name ?? entry.slug ?? ''),
    locale,
    status: latest ? effectiveStatus(latest) : null,
    published: live?.published ?? null,
    /** When the newest version goes live (a scheduled draft), or went live by a schedule. */
    scheduled: latest?.scheduled ?? null,
    unpublish_at: entry.unpublish_at,
    updated: latest?.updated ?? null,
    /** True when the newest version differs from what readers see (a saved draft over a live one). */
    unpublished_changes: latest !== undefined && live !== undefined && latest.updated !== live.updated,
    locales: [...new Set(versions.map((v) => v.locale))],
    fields,
  };
}
