import { editableFields } from '../../admin/ops/editable-fields.js';
import { enabledLocale } from '../../content/enabled-locale.js';
import { writeEntry } from '../../content/write/write-entry.js';
import { errors } from '../../errors/index.js';
import { storedMediaValues } from './stored-media.js';
import { unfitFields } from './unfit-fields.js';
import type { VersionRow } from './version-rows.js';
import type { RestoreContext } from './versions-context.js';
import { writeWhatFits } from './write-what-fits.js';

/**
 * Writes a page's or item's version back as its newest version in the version's locale, through
 * the normal write path (validation, webhooks, caches, a new version naming `restoredFrom`, an
 * audit record `restore`): its name (pages) and every field that still fits the current schema.
 * A field that does not (removed, retyped, a reference to a gone entry, a value a rule now
 * refuses) keeps its current value and is named in the answer. Fields added since, which the
 * version never had, keep theirs. A page keeps its current slug.
 */
export async function restoreEntry(
  c: RestoreContext,
  row: VersionRow,
  status: 'draft' | 'published',
): Promise<{ leftOut: string[] }> {
  const type = row.type_id === null ? undefined : c.schema.byId.get(row.type_id);
  const entry =
    type &&
    (await c.db
      .selectFrom('entries')
      .select(['id', 'slug'])
      .where('id', '=', row.subject_id)
      .where('type_id', '=', type.id)
      .where('account_id', '=', c.schema.accountId)
      .executeTakeFirst());
  if (!type || !entry) throw row.kind === 'page' ? errors.pageNotFound() : errors.notFound();
  // A locale the account no longer has cannot be written: the locale's 400.
  const locale = enabledLocale(c.schema, row.locale);
  const stored = JSON.parse(row.fields) as Record<string, unknown>;
  const [editable] = await editableFields(c.db, c.schema, [{ type_id: type.id, fields: row.fields }], c.urls.publicUrl);
  const unfit = unfitFields(type.fields, stored, editable!, c.schema);
  const input = Object.fromEntries(
    Object.keys(stored)
      .filter((key) => Object.hasOwn(type.fields, key) && !unfit.includes(key))
      .map((key) => [key, editable![key]]),
  );
  const target = type.kind === 'collection' ? { id: entry.id } : { slug: entry.slug ?? '', name: row.name };
  const dropped = await writeWhatFits(input, (fields) =>
    writeEntry(
      c.db,
      c.schema,
      {
        type,
        intent: 'update',
        ...target,
        status,
        locales: { [locale]: fields },
        mode: { partial: true, requireAll: false },
      },
      { actor: c.actor, now: c.now, restoredFrom: row.id, ingestMedia: storedMediaValues(c.urls) },
    ),
  );
  const order = Object.keys(stored);
  return { leftOut: [...unfit, ...dropped].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}
