import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import { SECTIONS } from './sections.js';
import type { ComponentDef, SchemaDocument, TypeDef } from './types.js';

/**
 * Makes the account's stored schema equal `next` (validated and normalised), inside the caller's
 * transaction. Existing content types are updated in place so their ids, and the entries attached
 * to them, survive; removed types are deleted and their entries go with them (foreign-key cascade).
 */
export async function writeSchema(
  trx: Transaction<Database>,
  accountId: number,
  current: SchemaDocument,
  next: SchemaDocument,
): Promise<void> {
  const rows = await trx
    .selectFrom('content_types')
    .select(['id', 'kind', 'key', 'name', 'fields', 'preview_url'])
    .where('account_id', '=', accountId)
    .execute();
  const existing = new Map(rows.map((r) => [`${r.kind}:${r.key}`, r]));
  const kept = new Set<number>();
  for (const section of SECTIONS) {
    const types: Record<string, ComponentDef> = next[section.name] ?? {};
    for (const [key, def] of Object.entries(types)) {
      const name = def.name ?? '';
      const fields = JSON.stringify(def.fields);
      const previewUrl = (def as TypeDef).preview_url ?? null;
      const row = existing.get(`${section.kind}:${key}`);
      if (!row) {
        await trx
          .insertInto('content_types')
          .values({ account_id: accountId, kind: section.kind, key, name, fields, preview_url: previewUrl })
          .execute();
        continue;
      }
      kept.add(row.id);
      if (row.name !== name || row.fields !== fields || row.preview_url !== previewUrl) {
        await trx
          .updateTable('content_types')
          .set({ name, fields, preview_url: previewUrl })
          .where('id', '=', row.id)
          .execute();
      }
    }
  }
  const removed = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (removed.length) await trx.deleteFrom('content_types').where('id', 'in', removed).execute();
  if (next.locales) await replaceLocales(trx, accountId, current, next);
  const blogPreviewUrl = next.blog?.preview_url ?? null;
  if ((current.blog?.preview_url ?? null) !== blogPreviewUrl) {
    await trx.updateTable('accounts').set({ blog_preview_url: blogPreviewUrl }).where('id', '=', accountId).execute();
  }
}

async function replaceLocales(
  trx: Transaction<Database>,
  accountId: number,
  current: SchemaDocument,
  next: SchemaDocument,
): Promise<void> {
  const locales = next.locales ?? [];
  const keep = new Set(locales.map((l) => l.slug));
  const dropped = (current.locales ?? []).map((l) => l.slug).filter((slug) => !keep.has(slug));
  if (dropped.length) await deleteLocaleContent(trx, accountId, dropped);
  await trx.deleteFrom('locales').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('locales')
    .values(
      locales.map((l, i) => ({
        account_id: accountId,
        slug: l.slug,
        name: l.name,
        is_default: l.default ? 1 : 0,
        position: i,
      })),
    )
    .execute();
}

/** A removed locale's versions and everything derived from them (none of these tables cascade by locale). */
async function deleteLocaleContent(db: Kysely<Database>, accountId: number, slugs: string[]): Promise<void> {
  const entryIds = db.selectFrom('entries').select('id').where('account_id', '=', accountId);
  for (const table of ['field_values', 'refs', 'search_docs', 'entry_versions'] as const) {
    await db.deleteFrom(table).where('locale', 'in', slugs).where('entry_id', 'in', entryIds).execute();
  }
}
