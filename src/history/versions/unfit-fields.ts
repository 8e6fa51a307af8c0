import type { AccountSchema } from '../../content/account-schema.js';
import { componentFields } from '../../content/empty-value.js';
import type { FieldDef, Fields } from '../../content/schema/types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nothing to lose: absent, empty, unchecked, or containers of only such values. */
function isEmptyStored(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isEmptyStored);
  return false;
}

/**
 * The top-level fields of a version's stored values that the current schema cannot take back as
 * they were: a field removed since, a value of another type than the field's now (retyped since),
 * a reference whose target is gone. `editable` is the same values in the editor's form
 * (editable-fields.ts), where such values read as empty or are left out. Empty values lose nothing.
 */
export function unfitFields(
  fields: Fields,
  stored: Record<string, unknown>,
  editable: Record<string, unknown>,
  schema: AccountSchema,
): string[] {
  return Object.keys(stored).filter((key) => unfitIn(fields, stored, editable, key, schema));
}

function unfitIn(
  fields: Fields,
  stored: Record<string, unknown>,
  shown: unknown,
  key: string,
  schema: AccountSchema,
): boolean {
  const value = stored[key];
  if (isEmptyStored(value)) return false;
  const field = fields[key];
  if (!field || !Object.hasOwn(fields, key)) return true;
  return unfit(field, value, isObject(shown) ? shown[key] : undefined, schema);
}

/** True when any of `stored` (not empty) would not come back from `shown`. */
function unfit(field: FieldDef, stored: unknown, shown: unknown, schema: AccountSchema): boolean {
  switch (field.type) {
    case 'number':
      return typeof stored !== 'number';
    case 'checkbox':
      return typeof stored !== 'boolean';
    case 'reference':
      // A gone target reads as null, or is left out of a `many` list.
      if (!field.many) return shown === null || shown === undefined;
      return !Array.isArray(stored) || !Array.isArray(shown) || shown.length !== stored.length;
    case 'component':
      return !isObject(stored) || objectUnfit(componentFields(schema, field.component), stored, shown, schema);
    case 'repeater':
      return (
        !Array.isArray(stored) ||
        stored.some((row, i) => !isObject(row) || objectUnfit(field.fields ?? {}, row, rowOf(shown, i), schema))
      );
    case 'component_picker':
      return !Array.isArray(stored) || stored.some((item, i) => pickedUnfit(field, item, rowOf(shown, i), schema));
    default:
      return typeof stored !== 'string';
  }
}

function rowOf(shown: unknown, i: number): unknown {
  return Array.isArray(shown) ? shown[i] : undefined;
}

function objectUnfit(fields: Fields, stored: Record<string, unknown>, shown: unknown, schema: AccountSchema): boolean {
  return Object.keys(stored).some((key) => unfitIn(fields, stored, shown, key, schema));
}

function pickedUnfit(field: FieldDef, item: unknown, shown: unknown, schema: AccountSchema): boolean {
  if (!isObject(item) || typeof item.type !== 'string' || !(field.components ?? []).includes(item.type)) return true;
  if (item.fields === undefined || item.fields === null) return false;
  if (!isObject(item.fields)) return true;
  const shownFields = isObject(shown) ? shown.fields : undefined;
  return objectUnfit(componentFields(schema, item.type), item.fields, shownFields, schema);
}
