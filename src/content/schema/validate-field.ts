import { schemaMessages as m } from '../../errors/index.js';
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
    ctx.errors.push(m.fieldsNotObject(path));
    return out;
  }
  for (const [key, def] of Object.entries(raw)) {
    const at = `${path}.${key}`;
    if (!SNAKE_KEY.test(key)) ctx.errors.push(m.snakeKey(at, 'field'));
    const field = validateField(def, at, ctx);
    if (field) out[key] = field;
  }
  return out;
}

function validateField(raw: unknown, path: string, ctx: FieldContext): FieldDef | undefined {
  if (!isObject(raw)) {
    ctx.errors.push(m.fieldNotObject(path));
    return undefined;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
    ctx.errors.push(m.fieldType(`${path}.type`, type, FIELD_TYPES));
    return undefined;
  }
  const fieldType = type as FieldType;
  const allowed = OPTIONS_BY_TYPE[fieldType];
  for (const key of Object.keys(raw)) {
    if (key === 'type' || allowed.includes(key)) continue;
    const known = (OPTION_ORDER as readonly string[]).includes(key);
    const message = known ? m.optionNotApplicable : m.unknownOption;
    ctx.errors.push(message(`${path}.${key}`, fieldType, allowed));
  }
  const refused = nestingRefusal(fieldType, ctx.container);
  // Not looked into further: a refused repeater's rows could nest again, as deep as the body goes.
  if (refused) return void ctx.errors.push(m.nestingRefused(`${path}.type`, refused));
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
  const at = (key: string) => `${path}.${key}`;
  const err = (line: string) => ctx.errors.push(line);
  for (const key of ['required', 'localized', 'many']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') err(m.boolean(at(key)));
  }
  if (raw.help_text !== undefined && typeof raw.help_text !== 'string') err(m.string(at('help_text')));
  for (const key of ['min_length', 'max_length']) {
    const v = raw[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) err(m.nonNegativeInteger(at(key)));
  }
  for (const key of ['min', 'max']) {
    if (raw[key] !== undefined && !(typeof raw[key] === 'number' && Number.isFinite(raw[key]))) err(m.number(at(key)));
  }
  orderedPair(raw, 'min_length', 'max_length', path, err);
  orderedPair(raw, 'min', 'max', path, err);
  if (raw.pattern !== undefined) checkPattern(raw.pattern, at('pattern'), err);
  if (type === 'dropdown') checkDropdown(raw.options, at('options'), ctx.errors);
  if (type === 'reference') checkReferenceTarget(raw.to, at('to'), ctx);
  if (type === 'component') {
    if (raw.component === undefined) err(m.requiredFor(at('component'), 'component'));
    else if (typeof raw.component !== 'string') err(m.componentKey(at('component')));
    else if (!ctx.keys.components.has(raw.component)) err(m.notInDocument(at('component'), 'component', raw.component));
  }
  if (type === 'component_picker') checkComponentList(raw.components, at('components'), ctx);
  if (type === 'repeater' && raw.fields === undefined) err(m.requiredFor(at('fields'), 'repeater'));
}

function orderedPair(raw: Raw, low: string, high: string, path: string, err: (line: string) => void): void {
  const a = raw[low];
  const b = raw[high];
  if (typeof a === 'number' && typeof b === 'number' && a > b) err(m.exceeds(`${path}.${low}`, high, a, b));
}

function checkPattern(pattern: unknown, path: string, err: (line: string) => void): void {
  if (typeof pattern !== 'string') return err(m.patternNotString(path));
  try {
    compilePattern(pattern);
  } catch (error) {
    if (!(error instanceof PatternSyntaxError)) throw error;
    err(m.patternInvalid(path, error.message));
  }
}

function checkDropdown(options: unknown, path: string, errors: string[]): void {
  if (options === undefined) return void errors.push(m.requiredFor(path, 'dropdown'));
  if (!Array.isArray(options) || options.length === 0) return void errors.push(m.dropdownOptions(path));
  const seen = new Set<string>();
  options.forEach((option, i) => {
    if (typeof option !== 'string' || option === '') errors.push(m.nonEmptyString(`${path}.${i}`));
    else if (seen.has(option)) errors.push(m.duplicate(`${path}.${i}`, 'option', option));
    else seen.add(option);
  });
}

function checkReferenceTarget(to: unknown, path: string, ctx: FieldContext): void {
  if (to === undefined) return void ctx.errors.push(m.requiredFor(path, 'reference'));
  const match = typeof to === 'string' ? /^(page_type|collection):(.+)$/.exec(to) : null;
  if (!match) return void ctx.errors.push(m.referenceTarget(path));
  const [, kind, key] = match as unknown as [string, string, string];
  const known = kind === 'page_type' ? ctx.keys.pageTypes : ctx.keys.collections;
  if (!known.has(key)) ctx.errors.push(m.notInDocument(path, kind === 'page_type' ? 'page type' : 'collection', key));
}

function checkComponentList(list: unknown, path: string, ctx: FieldContext): void {
  if (list === undefined) return void ctx.errors.push(m.requiredFor(path, 'component_picker'));
  if (!Array.isArray(list) || list.length === 0) return void ctx.errors.push(m.componentKeys(path));
  const seen = new Set<string>();
  list.forEach((key, i) => {
    const at = `${path}.${i}`;
    if (typeof key !== 'string') ctx.errors.push(m.componentKey(at));
    else if (!ctx.keys.components.has(key)) ctx.errors.push(m.notInDocument(at, 'component', key));
    else if (seen.has(key)) ctx.errors.push(m.duplicate(at, 'component', key));
    else seen.add(key);
  });
}
