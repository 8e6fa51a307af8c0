import { OPTIONS_BY_TYPE, STRUCTURED_TYPES, type FieldContainer } from '../../../src/shared/field-options';
import { FIELD_TYPES, type FieldDef, type FieldType } from '../../../src/shared/field-types';

// The edits the schema editor makes to a field definition, kept apart from its markup.

/** The field types a container offers: the ButterCMS nestings, so schemas made here stay portable (the server also takes older Ghee ones; docs/schema.md). */
export function typesFor(container: FieldContainer): readonly FieldType[] {
  return container === 'repeater' || container === 'collection'
    ? FIELD_TYPES.filter((t) => !STRUCTURED_TYPES.has(t))
    : FIELD_TYPES;
}

/** A field of the new type, keeping the options that still apply. */
export function retype(def: FieldDef, type: FieldType): FieldDef {
  const keep = new Set(OPTIONS_BY_TYPE[type]);
  const next: FieldDef = { type };
  for (const [k, v] of Object.entries(def))
    if (k !== 'type' && keep.has(k)) (next as unknown as Record<string, unknown>)[k] = v;
  if (type === 'dropdown' && !next.options) next.options = ['option_1'];
  if (type === 'repeater' && !next.fields) next.fields = {};
  return next;
}

/** The field with one option set; an empty value removes it (an empty `fields` stays: a repeater needs it). */
export function setOpt(def: FieldDef, key: keyof FieldDef, value: unknown): FieldDef {
  const next = { ...def } as unknown as Record<string, unknown>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && key !== 'fields'))
    delete next[key];
  else next[key] = value;
  return next as unknown as FieldDef;
}

/** A number input's value: blank is no value. */
export const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
