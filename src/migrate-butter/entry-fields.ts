import type { ApiObject } from './read-source.js';

/** The field values of an API object: a page's `fields`, or an item's top-level keys but `meta`. */
export function entryFields(kind: string, obj: ApiObject): Record<string, unknown> {
  if (kind !== 'collection') return (obj.fields ?? {}) as Record<string, unknown>;
  const { meta: _meta, ...fields } = obj;
  return fields;
}
