import type { AccountSchema } from './account-schema.js';
import type { FieldDef, Fields } from './schema/types.js';

/** The value an empty field reads back as (API.md section 8, "Empty values"). */
export function emptyValue(field: FieldDef, schema: AccountSchema): unknown {
  switch (field.type) {
    case 'number':
      return null;
    case 'checkbox':
      return false;
    case 'reference':
      return field.many ? [] : null;
    case 'repeater':
    case 'component_picker':
      return [];
    case 'component':
      return emptyObject(componentFields(schema, field.component), schema);
    default:
      return '';
  }
}

export function emptyObject(fields: Fields, schema: AccountSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) out[key] = emptyValue(field, schema);
  return out;
}

/** The fields of a component, or none when the schema no longer has it. */
export function componentFields(schema: AccountSchema, key: string | undefined): Fields {
  return (key && schema.byKey.get(`component:${key}`)?.fields) || {};
}
