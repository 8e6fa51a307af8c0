import type { FieldDef, Fields } from './types.js';

/** One stored value of a field, found by where the schema document declares that field. */
export interface StoredLeaf {
  /** The field's document path: `page_types.landing.fields.faq.fields.answer`, `components.seo.fields.description`. */
  at: string;
  /** Its path in the filter index (`seo.description`), or null inside repeater rows and picked components, which are not indexed. */
  indexedAs: string | null;
  value: unknown;
  /** Replaces the value inside the parsed version (the caller writes the version back). */
  set(value: unknown): void;
}

/** Where to start and what to collect. */
export interface LeafSearch {
  /** The document path of the type's fields: `collections.brands.fields`. */
  root: string;
  /** The fields of a component by key ({} when there is none). */
  componentOf: (key: string | undefined) => Fields;
  /** Which fields to collect, by document path and definition. */
  wanted: (at: string, field: FieldDef) => boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Collects the stored values of the fields `wanted` accepts from one version's values, through
 * components, repeater rows and picked components, wherever they are nested. Picked components
 * the picker no longer accepts are visited too: accepting their type again shows them.
 */
export function storedLeaves(fields: Fields, values: unknown, search: LeafSearch): StoredLeaf[] {
  const out: StoredLeaf[] = [];
  walk(fields, values, search.root, '', search, out);
  return out;
}

function walk(
  fields: Fields,
  values: unknown,
  declaredAt: string,
  indexPrefix: string | null,
  search: LeafSearch,
  out: StoredLeaf[],
): void {
  if (!isObject(values)) return;
  for (const [key, field] of Object.entries(fields)) {
    const at = `${declaredAt}.${key}`;
    const indexedAs = indexPrefix === null ? null : indexPrefix + key;
    const value = values[key];
    if (value !== undefined && search.wanted(at, field))
      out.push({ at, indexedAs, value, set: (v) => (values[key] = v) });
    if (field.type === 'component') {
      // Component leaves are indexed under the component field's path (derived-rows.ts).
      walk(
        search.componentOf(field.component),
        value,
        `components.${field.component}.fields`,
        indexedAs === null ? null : `${indexedAs}.`,
        search,
        out,
      );
    } else if (field.type === 'repeater' && Array.isArray(value)) {
      for (const row of value) walk(field.fields ?? {}, row, `${at}.fields`, null, search, out);
    } else if (field.type === 'component_picker' && Array.isArray(value)) {
      for (const item of value) {
        if (isObject(item) && typeof item.type === 'string')
          walk(search.componentOf(item.type), item.fields, `components.${item.type}.fields`, null, search, out);
      }
    }
  }
}
