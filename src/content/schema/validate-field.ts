import { compilePattern, PatternSyntaxError } from './field-pattern.js';
import { OPTIONS_BY_TYPE, OPTION_ORDER, SNAKE_KEY, type DocumentKeys, type FieldContainer } from './field-options.js';
import { nestingRefusal } from './nesting-rules.js';
import { FIELD_TYPES, type FieldDef, type FieldType, type Fields } from './types.js';

/** What a field check needs to know: where it is, and what the document defines. */
export interface FieldContext {
  container: FieldContainer;
  keys: DocumentKeys;
  errors: string[];
}

type Raw = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a `fields` object; returns it normalised (options in canonical order), errors aside. */
export function validateFields(raw: unknown, path: string, ctx: FieldContext): Fields {
  const out: Fields = {};
  if (!isObject(raw)) {
    ctx.errors.push(`${path}: must be an object of fields keyed by field key`);
    return out;
  }
  for (const [key, def] of Object.entries(raw)) {
    const at = `${path}.${key}`;
    if (!SNAKE_KEY.test(key))
      ctx.errors.push(`${at}: field keys must be lowercase letters, digits and underscores, starting with a letter`);
    const field = validateField(def, at, ctx);
    if (field) out[key] = field;
  }
  return out;
}

function validateField(raw: unknown, path: string, ctx: FieldContext): FieldDef | undefined {
  if (!isObject(raw)) {
    ctx.errors.push(`${path}: must be an object with a "type"`);
    return undefined;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
    const shown = type === undefined ? 'missing field type' : `unknown field type ${JSON.stringify(type)}`;
    ctx.errors.push(`${path}.type: ${shown}; expected one of ${FIELD_TYPES.join(', ')}`);
    return undefined;
  }
  const fieldType = type as FieldType;
  const allowed = OPTIONS_BY_TYPE[fieldType];
  for (const key of Object.keys(raw)) {
    if (key === 'type' || allowed.includes(key)) continue;
    const known = (OPTION_ORDER as readonly string[]).includes(key);
    ctx.errors.push(
      known
        ? `${path}.${key}: does not apply to a ${fieldType} field (its options are ${allowed.join(', ')})`
        : `${path}.${key}: unknown option; a ${fieldType} field takes ${allowed.join(', ')}`,
    );
  }
  const refused = nestingRefusal(fieldType, ctx.container);
  // Not looked into further: a refused repeater's rows could nest again, as deep as the body goes.
  if (refused) return void ctx.errors.push(`${path}.type: ${refused}`);
  checkOptions(raw, fieldType, path, ctx);
  const normalised: Raw = {};
  for (const key of OPTION_ORDER) {
    if (raw[key] === undefined || (key !== 'type' && !allowed.includes(key))) continue;
    const value = raw[key];
    // Lists are copied so that the stored document never shares arrays with the caller's input.
    normalised[key] =
      key === 'fields'
        ? validateFields(value, `${path}.fields`, { ...ctx, container: 'repeater' })
        : Array.isArray(value)
          ? [...value]
          : value;
  }
  return normalised as unknown as FieldDef;
}

function checkOptions(raw: Raw, type: FieldType, path: string, ctx: FieldContext): void {
  const err = (key: string, message: string) => ctx.errors.push(`${path}.${key}: ${message}`);
  for (const key of ['required', 'localized', 'many']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') err(key, 'must be true or false');
  }
  if (raw.help_text !== undefined && typeof raw.help_text !== 'string') err('help_text', 'must be a string');
  for (const key of ['min_length', 'max_length']) {
    const v = raw[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) err(key, 'must be a non-negative integer');
  }
  for (const key of ['min', 'max']) {
    if (raw[key] !== undefined && !(typeof raw[key] === 'number' && Number.isFinite(raw[key])))
      err(key, 'must be a number');
  }
  orderedPair(raw, 'min_length', 'max_length', err);
  orderedPair(raw, 'min', 'max', err);
  if (raw.pattern !== undefined) checkPattern(raw.pattern, (m) => err('pattern', m));
  if (type === 'dropdown') checkDropdown(raw.options, `${path}.options`, ctx.errors);
  if (type === 'reference') checkReferenceTarget(raw.to, `${path}.to`, ctx);
  if (type === 'component') {
    if (raw.component === undefined) err('component', 'required for a component field');
    else if (typeof raw.component !== 'string') err('component', 'must be a component key');
    else if (!ctx.keys.components.has(raw.component))
      err('component', `no component "${raw.component}" in this document`);
  }
  if (type === 'component_picker') checkComponentList(raw.components, `${path}.components`, ctx);
  if (type === 'repeater' && raw.fields === undefined) err('fields', 'required for a repeater field');
}

function orderedPair(raw: Raw, low: string, high: string, err: (key: string, m: string) => void): void {
  const a = raw[low];
  const b = raw[high];
  if (typeof a === 'number' && typeof b === 'number' && a > b) err(low, `must not exceed ${high} (${a} > ${b})`);
}

function checkPattern(pattern: unknown, err: (m: string) => void): void {
  if (typeof pattern !== 'string') return err('must be a regular expression, as a string');
  try {
    compilePattern(pattern);
  } catch (error) {
    if (!(error instanceof PatternSyntaxError)) throw error;
    err(
      `not a valid RE2 pattern: ${error.message}; patterns use RE2 syntax (no lookahead, lookbehind or backreferences)`,
    );
  }
}

function checkDropdown(options: unknown, path: string, errors: string[]): void {
  if (options === undefined) return void errors.push(`${path}: required for a dropdown field`);
  if (!Array.isArray(options) || options.length === 0)
    return void errors.push(`${path}: must be a non-empty list of strings`);
  const seen = new Set<string>();
  options.forEach((option, i) => {
    if (typeof option !== 'string' || option === '') errors.push(`${path}.${i}: must be a non-empty string`);
    else if (seen.has(option)) errors.push(`${path}.${i}: duplicate option "${option}"`);
    else seen.add(option);
  });
}

function checkReferenceTarget(to: unknown, path: string, ctx: FieldContext): void {
  if (to === undefined) return void ctx.errors.push(`${path}: required for a reference field`);
  const match = typeof to === 'string' ? /^(page_type|collection):(.+)$/.exec(to) : null;
  if (!match) return void ctx.errors.push(`${path}: must be "page_type:<key>" or "collection:<key>"`);
  const [, kind, key] = match as unknown as [string, string, string];
  const known = kind === 'page_type' ? ctx.keys.pageTypes : ctx.keys.collections;
  if (!known.has(key))
    ctx.errors.push(`${path}: no ${kind === 'page_type' ? 'page type' : 'collection'} "${key}" in this document`);
}

function checkComponentList(list: unknown, path: string, ctx: FieldContext): void {
  if (list === undefined) return void ctx.errors.push(`${path}: required for a component_picker field`);
  if (!Array.isArray(list) || list.length === 0)
    return void ctx.errors.push(`${path}: must be a non-empty list of component keys`);
  const seen = new Set<string>();
  list.forEach((key, i) => {
    if (typeof key !== 'string') ctx.errors.push(`${path}.${i}: must be a component key`);
    else if (!ctx.keys.components.has(key)) ctx.errors.push(`${path}.${i}: no component "${key}" in this document`);
    else if (seen.has(key)) ctx.errors.push(`${path}.${i}: duplicate component "${key}"`);
    else seen.add(key);
  });
}
