import type { FieldType } from './field-types.js';

// What a schema may say besides the field types: keys, the options of each type, where
// structures may sit. The server refuses what breaks these; the dashboard offers only what keeps them.

/** Collection, component and field keys (docs/api.md §8, "Keys and slugs"). */
export const SNAKE_KEY = /^[a-z][a-z0-9_]*$/;
/** Page type keys: ButterCMS accounts have `landing-page` types, and imports must keep them. */
export const PAGE_TYPE_KEY = /^[a-z][a-z0-9_-]*$/;
/** Single page keys are page slugs. */
export const PAGE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Page type keys that would shadow `/v2/pages/search/` or the single-page type `*`. */
export const RESERVED_PAGE_TYPE_KEYS = ['search', '*'];

const COMMON = ['required', 'localized', 'help_text'] as const;
const TEXT = [...COMMON, 'min_length', 'max_length', 'pattern'] as const;

/** The options each field type takes besides `type`; any other key on a field is refused. */
export const OPTIONS_BY_TYPE: Record<FieldType, readonly string[]> = {
  short_text: TEXT,
  long_text: TEXT,
  wysiwyg: TEXT,
  html: TEXT,
  markdown: TEXT,
  number: [...COMMON, 'min', 'max'],
  date: COMMON,
  checkbox: COMMON,
  dropdown: [...COMMON, 'options'],
  media: COMMON,
  color: COMMON,
  reference: [...COMMON, 'to', 'many'],
  component: [...COMMON, 'component'],
  component_picker: [...COMMON, 'components'],
  repeater: [...COMMON, 'fields'],
};

/**
 * Every field option in the order a normalised field lists them, so that two documents meaning
 * the same thing store the same JSON text.
 */
export const OPTION_ORDER = [
  'type',
  'required',
  'localized',
  'help_text',
  'min_length',
  'max_length',
  'pattern',
  'min',
  'max',
  'options',
  'to',
  'many',
  'component',
  'components',
  'fields',
] as const;

/** Where a field sits, which decides the field types it may have. */
export type FieldContainer = 'page' | 'component' | 'repeater' | 'collection';

/** Field types whose values hold other fields. */
export const STRUCTURED_TYPES: ReadonlySet<FieldType> = new Set(['component', 'component_picker', 'repeater']);
