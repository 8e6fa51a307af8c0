import type { FieldDef, Fields } from './field-types.js';

/** The fields of a component by key, or none when the schema has no such component. */
export type ComponentFields = (key: string | undefined) => Fields;

/** The value an empty field reads back as (docs/api.md §8, "Empty values"). */
export function emptyValue(field: FieldDef, componentFields: ComponentFields): unknown {
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
      return emptyObject(componentFields(field.component), componentFields);
    default:
      return '';
  }
}

/** Every field of a list with its empty value. */
export function emptyObject(fields: Fields, componentFields: ComponentFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) out[key] = emptyValue(field, componentFields);
  return out;
}
