import type { Selectable } from 'kysely';
import type { FieldValuesTable, RefsTable } from '../../store/tables.js';
import type { AccountSchema } from '../account-schema.js';
import { componentFields } from '../empty-value.js';
import { isNumeric, isScalar } from '../field-paths.js';
import type { Fields } from '../schema/types.js';

/** A scalar leaf of a version: its `field_values` row without the version's keys. */
export type ScalarLeaf = Pick<Selectable<FieldValuesTable>, 'path' | 'text_value' | 'num_value'>;

/** A reference of a version: its `refs` row without the version's keys. */
export type RefLeaf = Pick<Selectable<RefsTable>, 'path' | 'position' | 'target_entry_id'>;

/**
 * How much of a text value the filter index keeps: PostgreSQL refuses a b-tree row over ~2.7 kB,
 * and filtering or ordering on longer text compares its first 500 characters (docs/api.md).
 */
export const MAX_INDEXED_TEXT = 500;

/** How much text of one version goes to the search index (PostgreSQL's tsvector holds 1 MB). */
const MAX_SEARCH_TEXT = 100_000;

/** The form of a text value in the filter index. */
export function indexedText(value: string): string {
  return value.length > MAX_INDEXED_TEXT ? value.slice(0, MAX_INDEXED_TEXT) : value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a stored version adds to the side tables: scalar leaves reachable through components
 * (filters and order), top-level and component references (filters, "who points at me"),
 * and the plain text of its text fields (search).
 */
export function deriveRows(fields: Fields, values: Record<string, unknown>, schema: AccountSchema) {
  const scalars: ScalarLeaf[] = [];
  const refs: RefLeaf[] = [];
  const text: string[] = [];
  walk(fields, values, schema, '', scalars, refs, text);
  return { scalars, refs, text: text.join('\n').slice(0, MAX_SEARCH_TEXT) };
}

function walk(
  fields: Fields,
  values: unknown,
  schema: AccountSchema,
  prefix: string,
  scalars: ScalarLeaf[],
  refs: RefLeaf[],
  text: string[],
): void {
  if (!isObject(values)) return;
  for (const [key, field] of Object.entries(fields)) {
    const value = values[key];
    const path = prefix + key;
    if (isScalar(field)) {
      if (isNumeric(field)) {
        const n = field.type === 'checkbox' ? (value === true ? 1 : 0) : typeof value === 'number' ? value : null;
        if (n !== null) scalars.push({ path, text_value: null, num_value: n });
      } else if (typeof value === 'string') {
        scalars.push({ path, text_value: indexedText(value), num_value: null });
        if (['short_text', 'long_text', 'wysiwyg', 'html', 'markdown'].includes(field.type) && value)
          text.push(plainText(value));
      }
    } else if (field.type === 'reference') {
      const ids = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
      ids.forEach((id, position) => typeof id === 'number' && refs.push({ path, position, target_entry_id: id }));
    } else if (field.type === 'component') {
      walk(componentFields(schema, field.component), value, schema, `${path}.`, scalars, refs, text);
    } else if (Array.isArray(value)) {
      // Repeater rows and picked components are searchable and pointed-at, not filterable.
      for (const row of value) {
        const [rowFields, rowValues] =
          field.type === 'repeater' ? [field.fields ?? {}, row] : [componentFields(schema, row?.type), row?.fields];
        const nested: ScalarLeaf[] = [];
        walk(rowFields, rowValues, schema, `${path}.`, nested, refs, text);
      }
    }
  }
}

/** Text of HTML for the search index: tags dropped, entities left as they are. */
function plainText(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
