import type { FieldDef } from '../content/schema/types.js';
import { isColor, isDate, isMediaUrl, isPicked, isPlainObject, looksLikeHtml, refTarget } from './value-shapes.js';

/** What the values of one field looked like, over every entry, locale and channel. */
export interface FieldSample {
  kinds: Set<string>;
  /** Reference targets seen (`page_type:<key>` or `collection:<key>`). */
  targets: Set<string>;
  many: boolean;
  /** Fields of component values or repeater rows. */
  nested?: Map<string, FieldSample>;
  /** Component picker: the fields of each component type seen. */
  picked?: Map<string, Map<string, FieldSample>>;
}

export const newSample = (): FieldSample => ({ kinds: new Set(), targets: new Set(), many: false });

/** Adds one value's evidence to a field's sample. */
export function observe(sample: FieldSample, value: unknown): void {
  if (value === null || value === undefined || value === '')
    return void sample.kinds.add(value === '' ? 'empty-text' : 'null');
  if (typeof value === 'boolean') return void sample.kinds.add('checkbox');
  if (typeof value === 'number') return void sample.kinds.add('number');
  const ref = refTarget(value);
  if (ref) return observeRef(sample, ref);
  if (typeof value === 'string') return void sample.kinds.add(textKind(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return void sample.kinds.add('empty-list');
    for (const item of value) {
      const target = refTarget(item);
      if (target) {
        sample.many = true;
        observeRef(sample, target);
      } else if (isPicked(item)) {
        sample.kinds.add('component_picker');
        sample.picked ??= new Map();
        const fields = sample.picked.get(item.type) ?? new Map<string, FieldSample>();
        sample.picked.set(item.type, fields);
        observeObject(fields, item.fields);
      } else if (isPlainObject(item)) {
        sample.kinds.add('repeater');
        observeObject((sample.nested ??= new Map()), item);
      } else sample.kinds.add('list-of-scalars');
    }
    return;
  }
  if (isPlainObject(value)) {
    sample.kinds.add('component');
    observeObject((sample.nested ??= new Map()), value);
  }
}

/** Observes every key of an object into a map of samples (keys in first-seen order). */
export function observeObject(samples: Map<string, FieldSample>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    const sample = samples.get(key) ?? newSample();
    samples.set(key, sample);
    observe(sample, value);
  }
}

function observeRef(sample: FieldSample, ref: NonNullable<ReturnType<typeof refTarget>>): void {
  sample.kinds.add('reference');
  if ('page' in ref) sample.targets.add(`page_type:${ref.page}`);
  else if (ref.collection) sample.targets.add(`collection:${ref.collection}`);
}

function textKind(s: string): string {
  if (looksLikeHtml(s)) return 'wysiwyg';
  if (isMediaUrl(s)) return 'media';
  if (isDate(s)) return 'date';
  if (isColor(s)) return 'color';
  return s.includes('\n') || [...s].length > 255 ? 'long_text' : 'short_text';
}

const TEXT_ORDER = ['short_text', 'long_text', 'wysiwyg'];

/**
 * The field type the evidence allows, or a reason it does not. Text kinds that mix widen
 * (a date beside plain text is text; any HTML makes it WYSIWYG). Nested fields are resolved by
 * the caller, which names the components.
 */
export function fieldTypeOf(sample: FieldSample): { def: FieldDef; note?: string } | { skip: string } {
  const kinds = new Set([...sample.kinds].filter((k) => k !== 'null' && k !== 'empty-text' && k !== 'empty-list'));
  if (kinds.has('list-of-scalars')) return { skip: 'a list of plain values, which no Ghee field type holds' };
  if (kinds.size === 0) {
    if (sample.kinds.has('empty-list'))
      return { skip: 'only empty lists: a reference, repeater or component picker cannot be told apart' };
    if (sample.kinds.has('null'))
      return { def: { type: 'number' }, note: 'only nulls: made a number field (reads back null)' };
    return { def: { type: 'short_text' }, note: 'only empty values: made short_text' };
  }
  if (kinds.has('reference')) {
    const targets = [...sample.targets];
    if (kinds.size > 1 || targets.length !== 1)
      return { skip: `references mixed with other values or targets (${[...kinds, ...targets].join(', ')})` };
    return { def: { type: 'reference', to: targets[0]!, ...(sample.many && { many: true }) } };
  }
  if (kinds.size === 1) {
    const [kind] = kinds as unknown as [string];
    if (kind === 'component' || kind === 'repeater' || kind === 'component_picker') return { def: { type: kind } };
    return { def: { type: kind as FieldDef['type'] } };
  }
  if ([...kinds].some((k) => ['component', 'repeater', 'component_picker', 'checkbox', 'number'].includes(k))) {
    return { skip: `values of several kinds (${[...kinds].join(', ')})` };
  }
  const widest = TEXT_ORDER.filter((t) => kinds.has(t)).pop() ?? 'short_text';
  return {
    def: { type: widest as FieldDef['type'] },
    note: `values of several kinds (${[...kinds].join(', ')}): made ${widest}`,
  };
}
