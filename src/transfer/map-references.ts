import type { AccountSchema } from '../content/account-schema.js';
import { componentFields } from '../content/empty-value.js';
import type { FieldDef, Fields } from '../content/schema/types.js';

/** Maps an old entry id to the one to store, or null to drop the reference. */
export type IdMap = (id: number) => number | null;

/** Rewrites a whole `many` list after its ids are mapped (restore holds it to the write rules). */
export type ListFit = (ids: number[]) => number[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A copy of stored field values with every reference (top level, in components, repeater rows and
 * picked components) passed through `map`. A dropped single reference becomes null, a dropped
 * target leaves its `many` list, and `fit`, when given, rewrites each list. Values the schema
 * does not describe are copied unchanged.
 */
export function mapReferences(
  fields: Fields,
  values: unknown,
  schema: AccountSchema,
  map: IdMap,
  fit: ListFit = (ids) => ids,
): unknown {
  if (!isObject(values)) return values;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = fields[key];
    out[key] = field ? mapValue(field, value, schema, map, fit) : value;
  }
  return out;
}

function mapValue(field: FieldDef, value: unknown, schema: AccountSchema, map: IdMap, fit: ListFit): unknown {
  switch (field.type) {
    case 'reference':
      if (Array.isArray(value))
        return fit(value.map((id) => (typeof id === 'number' ? map(id) : null)).filter((id) => id !== null));
      return typeof value === 'number' ? map(value) : value;
    case 'component':
      return mapReferences(componentFields(schema, field.component), value, schema, map, fit);
    case 'repeater':
      return Array.isArray(value)
        ? value.map((row) => mapReferences(field.fields ?? {}, row, schema, map, fit))
        : value;
    case 'component_picker':
      return Array.isArray(value)
        ? value.map((item) =>
            isObject(item) && typeof item.type === 'string'
              ? { ...item, fields: mapReferences(componentFields(schema, item.type), item.fields, schema, map, fit) }
              : item,
          )
        : value;
    default:
      return value;
  }
}
