import { emptyObject as emptyOf, emptyValue as emptyFor } from '../shared/empty-value.js';
import type { AccountSchema } from './account-schema.js';
import type { FieldDef, Fields } from './schema/types.js';

/** The value an empty field reads back as (docs/api.md §8, "Empty values"). */
export function emptyValue(field: FieldDef, schema: AccountSchema): unknown {
  return emptyFor(field, (key) => componentFields(schema, key));
}

/** Every field of a list with its empty value. */
export function emptyObject(fields: Fields, schema: AccountSchema): Record<string, unknown> {
  return emptyOf(fields, (key) => componentFields(schema, key));
}

/** The fields of a component, or none when the schema no longer has it. */
export function componentFields(schema: AccountSchema, key: string | undefined): Fields {
  return (key && schema.byKey.get(`component:${key}`)?.fields) || {};
}
