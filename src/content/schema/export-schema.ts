import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { SECTIONS } from './sections.js';
import type { ComponentDef, ExportedSchema, Fields, TypeDef } from './types.js';

/**
 * An account's schema as a document (docs/schema.md): locales in their order with
 * `default: true` on the default only, and every content-type section with its types in creation
 * order. Applying the result to the same account changes nothing.
 */
export async function exportSchema(db: Kysely<Database>, accountId: number): Promise<ExportedSchema> {
  // `selectAll`, not a list of columns: migration 013 exports schemas before 018 added the preview
  // URL columns, and then finds none (undefined reads as no preview URL).
  const [types, locales, account] = await Promise.all([
    db.selectFrom('content_types').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    db
      .selectFrom('locales')
      .select(['slug', 'name', 'is_default'])
      .where('account_id', '=', accountId)
      .orderBy('position')
      .execute(),
    db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst(),
  ]);
  const doc: ExportedSchema = {
    locales: locales.map((l) => ({ slug: l.slug, name: l.name, ...(l.is_default === 1 ? { default: true } : {}) })),
    components: {},
    page_types: {},
    single_pages: {},
    collections: {},
  };
  for (const section of SECTIONS) {
    const out: Record<string, ComponentDef | TypeDef> = {};
    for (const row of types) {
      if (row.kind !== section.kind) continue;
      const fields = JSON.parse(row.fields) as Fields;
      // A component's name is optional; apply stores a missing one as '' (the column is not null).
      if (section.kind === 'component' && row.name === '') out[row.key] = { fields };
      else if (row.preview_url) out[row.key] = { name: row.name, preview_url: row.preview_url, fields };
      else out[row.key] = { name: row.name, fields };
    }
    Object.assign(doc, { [section.name]: out });
  }
  if (account?.blog_preview_url) doc.blog = { preview_url: account.blog_preview_url };
  return doc;
}
