import { schemaMessages } from '../../errors/index.js';
import { SECTIONS } from './sections.js';

/** Content types in one schema document: page types, single pages, collections and components together. */
export const MAX_CONTENT_TYPES = 1000;

/** Fields in one schema document, a repeater's row fields included. */
export const MAX_FIELDS = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The document's content types and fields, counted before anything else is checked, so the work
 * of validating, diffing and applying a document stays bounded. Only the levels a document may
 * have are walked (a type's fields and a repeater's row fields), so the count is cheap on any input.
 */
export function countDocument(doc: Record<string, unknown>): { types: number; fields: number } {
  let types = 0;
  let fields = 0;
  for (const section of SECTIONS) {
    const raw = doc[section.name];
    if (!isObject(raw)) continue;
    for (const def of Object.values(raw)) {
      types += 1;
      if (!isObject(def) || !isObject(def.fields)) continue;
      for (const field of Object.values(def.fields)) {
        fields += 1;
        if (isObject(field) && isObject(field.fields)) fields += Object.keys(field.fields).length;
      }
    }
  }
  return { types, fields };
}

/** The document's size problems (at most two lines), or none. */
export function sizeErrors(doc: Record<string, unknown>): string[] {
  const { types, fields } = countDocument(doc);
  const errors: string[] = [];
  if (types > MAX_CONTENT_TYPES) errors.push(schemaMessages.tooManyTypes(types, MAX_CONTENT_TYPES));
  if (fields > MAX_FIELDS) errors.push(schemaMessages.tooManyFields(fields, MAX_FIELDS));
  return errors;
}
