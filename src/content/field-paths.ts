import type { AccountSchema } from './account-schema.js';
import { componentFields } from './empty-value.js';
import { FIELD_TYPES } from '../shared/field-types.js';
import { STRUCTURED_TYPES } from '../shared/field-options.js';
import type { FieldDef, Fields } from './schema/types.js';

/** Field types stored as scalars: filterable and orderable (every type but references and structures). */
const SCALAR: ReadonlySet<string> = new Set(FIELD_TYPES.filter((t) => t !== 'reference' && !STRUCTURED_TYPES.has(t)));

export function isScalar(field: FieldDef): boolean {
  return SCALAR.has(field.type);
}

/** Stored as num_value rather than text_value. */
export function isNumeric(field: FieldDef): boolean {
  return field.type === 'number' || field.type === 'checkbox';
}

/** A dot path resolved through components: the field it ends on and its stored path. */
export interface ResolvedPath {
  field: FieldDef;
  path: string;
}

/** Resolves `hero.title` through components; null when any segment is unknown. */
export function resolvePath(fields: Fields, segments: string[], schema: AccountSchema): ResolvedPath | null {
  let current = fields;
  for (let i = 0; i < segments.length; i++) {
    const field = Object.hasOwn(current, segments[i]!) ? current[segments[i]!] : undefined;
    if (!field) return null;
    if (i === segments.length - 1) return { field, path: segments.join('.') };
    if (field.type !== 'component') return null;
    current = componentFields(schema, field.component);
  }
  return null;
}

/** Splits a dot path, refusing empty segments and anything but key characters. */
export function splitPath(text: string): string[] | null {
  const segments = text.split('.');
  return segments.every((s) => /^[a-z0-9_-]+$/.test(s)) ? segments : null;
}
