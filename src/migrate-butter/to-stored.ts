import type { AccountSchema } from '../content/account-schema.js';
import { componentFields } from '../content/empty-value.js';
import type { FieldDef, Fields } from '../content/schema/types.js';
import { fitReferenceList } from '../content/write/reference-limits.js';
import { rewriteHtmlImages } from '../transfer/html-images.js';
import { isPlainObject, refTarget } from './value-shapes.js';

/** How source values find their Ghee counterparts. */
export interface Lookups {
  /**
   * The stored value (`/media/<tasks>/<name>`) of a downloaded media URL; `alt` is the alt text
   * the content gives it there (an `<img alt>`), '' when none.
   */
  media(url: string, alt?: string): string | undefined;
  /** The entry id of a page, by page type key and slug. */
  page(type: string, slug: string): number | undefined;
  /** The entry id of a collection item, by collection key and its id at the source. */
  item(collection: string, sourceId: number): number | undefined;
}

/**
 * Counts references whose target does not exist (yet): the second pass fills them; and, in
 * `dropped`, the ones a `many` list loses to the rules writes follow (no target twice, at most
 * MAX_REFERENCES_PER_FIELD).
 */
export interface Unresolved {
  count: number;
  dropped?: number;
}

/**
 * Turns field values as an API reads them into what Ghee stores: references into entry ids,
 * media URLs into library paths, in media fields and in the images of rich text (a URL that was
 * not downloaded stays as it is). Rich text is otherwise kept as given: the caller sanitises it
 * (sanitizeImportedFields) before storing it. Only the schema's fields are kept.
 */
export function toStored(
  fields: Fields,
  values: Record<string, unknown>,
  schema: AccountSchema,
  lookups: Lookups,
  unresolved: Unresolved,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields))
    out[key] = convert(field, values[key], schema, lookups, unresolved);
  return out;
}

function convert(
  field: FieldDef,
  value: unknown,
  schema: AccountSchema,
  lookups: Lookups,
  unresolved: Unresolved,
): unknown {
  if (value === undefined || value === null) return field.type === 'reference' ? (field.many ? [] : null) : null;
  switch (field.type) {
    case 'reference': {
      const resolve = (v: unknown) => {
        const id = refId(field.to ?? '', v, lookups);
        if (id === undefined) unresolved.count++;
        return id ?? null;
      };
      if (!field.many) return resolve(value);
      const fit = fitReferenceList((Array.isArray(value) ? value : [value]).map(resolve).filter((id) => id !== null));
      if (fit.dropped) unresolved.dropped = (unresolved.dropped ?? 0) + fit.dropped;
      return fit.ids;
    }
    case 'media':
      return typeof value === 'string' && value ? (lookups.media(value) ?? value) : '';
    case 'wysiwyg':
    case 'html':
      return typeof value === 'string' ? rewriteHtmlImages(value, (url, alt) => lookups.media(url, alt)) : '';
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'checkbox':
      return value === true;
    case 'component':
      return isPlainObject(value)
        ? toStored(componentFields(schema, field.component), value, schema, lookups, unresolved)
        : {};
    case 'repeater':
      return Array.isArray(value)
        ? value.filter(isPlainObject).map((row) => toStored(field.fields ?? {}, row, schema, lookups, unresolved))
        : [];
    case 'component_picker':
      return Array.isArray(value)
        ? value
            .filter((item) => isPlainObject(item) && (field.components ?? []).includes(item.type))
            .map((item) => ({
              type: item.type,
              fields: toStored(
                componentFields(schema, item.type),
                isPlainObject(item.fields) ? item.fields : {},
                schema,
                lookups,
                unresolved,
              ),
            }))
        : [];
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

function refId(to: string, value: unknown, lookups: Lookups): number | undefined {
  const target = refTarget(value);
  if (!target) return undefined;
  const key = to.slice(to.indexOf(':') + 1);
  return 'page' in target ? lookups.page(key, target.slug) : lookups.item(key, target.id);
}
