import type { AccountSchema } from '../account-schema.js';
import { componentFields } from '../empty-value.js';
import { fieldPattern, PATTERN_MAX_INPUT, PatternSyntaxError } from '../schema/field-pattern.js';
import type { FieldDef, Fields } from '../schema/types.js';
import { messages } from '../../errors/index.js';
import { MAX_REFERENCES_PER_FIELD, MAX_REFERENCES_PER_WRITE } from './reference-limits.js';

/** A reference given by slug or id, to be looked up (in one batch) before it is stored. */
export interface RefRequest {
  path: string;
  to: string;
  value: string | number;
  assign(entryId: number): void;
}

/** A media URL to download into the media store before the write is stored. */
export interface MediaRequest {
  path: string;
  url: string;
  assign(mediaUrl: string): void;
}

/** A rich-text value to sanitise (in one batch, off the event loop) before the write is stored. */
export interface HtmlRequest {
  path: string;
  html: string;
  assign(clean: string): void;
}

export interface Validation {
  errors: Record<string, string[]>;
  refs: RefRequest[];
  media: MediaRequest[];
  html: HtmlRequest[];
}

/** How much of the fields a write must send. */
export interface FieldsMode {
  /** Only the fields sent are checked and returned (PATCH, PUT on pages). */
  partial: boolean;
  /** Every field must be present, empty ones as "" (page create). */
  requireAll: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const COLOR = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/**
 * Checks input values against fields and returns what to store. Every failure is collected
 * under its path (`seo.title`, `faq.2.question`, `related.1`); references are queued in
 * `v.refs` with a setter, so they can be resolved in one batch.
 */
export function validateFields(
  fields: Fields,
  input: Record<string, unknown>,
  schema: AccountSchema,
  prefix: string,
  v: Validation,
  mode: FieldsMode = { partial: false, requireAll: false },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(fields, key)) add(v, prefix + key, messages.undefinedField);
  }
  for (const [key, field] of Object.entries(fields)) {
    if (!Object.hasOwn(input, key)) {
      if (mode.partial) continue;
      if (mode.requireAll) add(v, prefix + key, messages.required);
    }
    out[key] = validateValue(field, input[key], schema, prefix + key, v, (id) => (out[key] = id));
  }
  return out;
}

function add(v: Validation, path: string, message: string): void {
  (v.errors[path] ??= []).push(message);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function validateValue(
  field: FieldDef,
  value: unknown,
  schema: AccountSchema,
  path: string,
  v: Validation,
  assign: (id: unknown) => void,
): unknown {
  if (isEmpty(value) && field.type !== 'component') {
    if (field.required) add(v, path, messages.required);
    return field.type === 'reference'
      ? field.many
        ? []
        : null
      : field.type === 'repeater' || field.type === 'component_picker'
        ? []
        : field.type === 'number'
          ? null
          : field.type === 'checkbox'
            ? false
            : '';
  }
  switch (field.type) {
    case 'number':
      return checkNumber(field, value, path, v);
    case 'checkbox':
      if (typeof value !== 'boolean') add(v, path, messages.notBoolean);
      return value === true;
    case 'reference':
      return queueReferences(field, value, path, v, assign);
    case 'component': {
      if (value === undefined || value === null || value === '') value = {};
      if (!isObject(value)) return void add(v, path, messages.notObject);
      return validateFields(componentFields(schema, field.component), value, schema, `${path}.`, v);
    }
    case 'repeater':
      if (!Array.isArray(value)) return void add(v, path, messages.notList);
      return value.map((row, i) =>
        isObject(row)
          ? validateFields(field.fields ?? {}, row, schema, `${path}.${i}.`, v)
          : add(v, `${path}.${i}`, messages.notObject),
      );
    case 'component_picker':
      if (!Array.isArray(value)) return void add(v, path, messages.notList);
      return value.map((item, i) => checkPicked(field, item, schema, `${path}.${i}`, v));
    default:
      return checkText(field, value, path, v, assign);
  }
}

function checkNumber(field: FieldDef, value: unknown, path: string, v: Validation): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return (add(v, path, messages.notNumber), null);
  if (field.min !== undefined && n < field.min) add(v, path, messages.min(field.min));
  if (field.max !== undefined && n > field.max) add(v, path, messages.max(field.max));
  return n;
}

function checkText(
  field: FieldDef,
  value: unknown,
  path: string,
  v: Validation,
  assignText: (value: unknown) => void,
): string {
  if (typeof value !== 'string') return (add(v, path, messages.notString), '');
  // PostgreSQL text cannot hold U+0000; refuse it on both databases alike.
  if (value.includes('\u0000')) return (add(v, path, messages.nulCharacter), '');
  // Counted only for the rules that need it, and without an array of the characters: a 1 MB
  // rich-text value spread into one held the event loop for tens of milliseconds.
  const length =
    field.max_length !== undefined || field.min_length !== undefined || field.pattern !== undefined
      ? codePoints(value)
      : 0;
  if (field.max_length !== undefined && length > field.max_length) add(v, path, messages.maxLength(field.max_length));
  if (field.min_length !== undefined && length < field.min_length) add(v, path, messages.minLength(field.min_length));
  if (field.pattern !== undefined) checkPattern(field as FieldDef & { pattern: string }, value, length, path, v);
  if (field.type === 'dropdown' && !(field.options ?? []).includes(value)) add(v, path, messages.choice(value));
  if (field.type === 'date' && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) add(v, path, messages.date);
  if (field.type === 'color' && !COLOR.test(value)) add(v, path, messages.color);
  if (field.type === 'media') {
    if (!isHttpUrl(value)) add(v, path, messages.url);
    else v.media.push({ path, url: value, assign: (url) => assignText(url) });
  }
  // Rich text is stored sanitised, so nothing that renders it can be used for script injection.
  // Until the batch (sanitize-queued.ts) assigns the clean HTML, the value is empty, never raw.
  if (field.type === 'wysiwyg' || field.type === 'html')
    return (v.html.push({ path, html: value, assign: (clean) => assignText(clean) }), '');
  return value;
}

/** Runs the field's pattern on RE2 (linear time), on values of at most PATTERN_MAX_INPUT characters. */
function checkPattern(
  field: FieldDef & { pattern: string },
  value: string,
  length: number,
  path: string,
  v: Validation,
): void {
  const pattern = fieldPattern(field);
  if (pattern instanceof PatternSyntaxError) return add(v, path, messages.patternUnusable);
  // A value past max_length has its error already; the pattern need not run on it either.
  if (field.max_length !== undefined && length > field.max_length) return;
  if (length > PATTERN_MAX_INPUT) return add(v, path, messages.maxLength(PATTERN_MAX_INPUT));
  if (!pattern.test(value)) add(v, path, messages.pattern);
}

/** Characters (code points) of a string: its UTF-16 units less one per surrogate pair. */
function codePoints(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** An absolute http(s) URL, as media fields and featured images must be. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkPicked(field: FieldDef, item: unknown, schema: AccountSchema, path: string, v: Validation): unknown {
  if (!isObject(item) || typeof item.type !== 'string') return (add(v, path, messages.notObject), null);
  if (!(field.components ?? []).includes(item.type))
    return (add(v, `${path}.type`, messages.componentType(item.type)), null);
  const inner = item.fields ?? {};
  if (!isObject(inner)) return (add(v, `${path}.fields`, messages.notObject), null);
  return {
    type: item.type,
    fields: validateFields(componentFields(schema, item.type), inner, schema, `${path}.fields.`, v),
  };
}

/** Validations already past MAX_REFERENCES_PER_WRITE: the error is given once, where it was passed. */
const pastWriteTotal = new WeakSet<Validation>();

/**
 * Whether `n` more references keep the write within MAX_REFERENCES_PER_WRITE: repeater rows and
 * locales each stay under the per-field cap, yet every reference is a row stored per channel.
 */
function withinWriteTotal(v: Validation, n: number, path: string): boolean {
  if (pastWriteTotal.has(v)) return false;
  if (v.refs.length + n <= MAX_REFERENCES_PER_WRITE) return true;
  pastWriteTotal.add(v);
  add(v, path, messages.tooManyRefsInWrite(MAX_REFERENCES_PER_WRITE));
  return false;
}

function queueReferences(
  field: FieldDef,
  value: unknown,
  path: string,
  v: Validation,
  assign: (id: unknown) => void,
): unknown {
  const to = field.to ?? '';
  const refOf = (item: unknown): item is string | number =>
    typeof item === 'string' || (typeof item === 'number' && Number.isInteger(item));
  if (!field.many) {
    if (!refOf(value)) return (add(v, path, messages.refValue), null);
    if (!withinWriteTotal(v, 1, path)) return null;
    v.refs.push({ path, to, value, assign: (id) => assign(id) });
    return null;
  }
  const list = Array.isArray(value) ? value : [value];
  // Checked before any item, so an oversized list costs no lookup and no per-item work.
  if (list.length > MAX_REFERENCES_PER_FIELD) return (add(v, path, messages.tooManyRefs(MAX_REFERENCES_PER_FIELD)), []);
  if (!withinWriteTotal(v, list.length, path)) return [];
  const ids: number[] = list.map(() => 0);
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (!refOf(item)) return add(v, `${path}.${i}`, messages.refValue);
    // A slug or an id names one target exactly (the lookup compares text), so text is the identity.
    if (seen.has(String(item))) return add(v, `${path}.${i}`, messages.duplicateRef(String(item)));
    seen.add(String(item));
    v.refs.push({ path: `${path}.${i}`, to, value: item, assign: (id) => (ids[i] = id) });
  });
  return ids;
}
