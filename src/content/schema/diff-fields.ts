import { OPTION_ORDER } from './field-options.js';
import type { SchemaChange } from './schema-change.js';
import { countOf } from './sections.js';
import type { Fields } from './types.js';

/** The content that a set of fields holds: how many entries, and what they are called. */
export interface Holding {
  count: number;
  noun: [string, string];
}

/** `unset` for an absent option, JSON otherwise: `max_length 120 -> 80`, `required unset -> true`. */
export function describeValues(before: object, after: object, keys: readonly string[]): string {
  const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${show(a[k])} -> ${show(b[k])}`)
    .join(', ');
}

/** A `~` change when the keys both lists share come in another order (stored order is shown order). */
export function orderChange(path: string, before: string[], after: string[]): SchemaChange | undefined {
  const kept = new Set(after);
  const was = before.filter((k) => kept.has(k));
  const now = after.filter((k) => was.includes(k));
  if (was.join() === now.join()) return undefined;
  return { op: '~', path, description: `order ${was.join(', ')} -> ${now.join(', ')}`, dataLoss: false };
}

const COMPARED_OPTIONS = OPTION_ORDER.filter((k) => k !== 'type' && k !== 'fields');

/**
 * Appends the changes from one set of fields to another. Removing a field, or changing its type,
 * loses data when the fields hold content; a repeater's own fields are compared one by one.
 */
export function diffFields(path: string, before: Fields, after: Fields, held: Holding, out: SchemaChange[]): void {
  const loses = held.count > 0;
  for (const [key, was] of Object.entries(before)) {
    const at = `${path}.${key}`;
    const now = after[key];
    if (!now) {
      const description = loses ? `${was.type}, ${countOf(held.count, held.noun)}` : was.type;
      out.push({ op: '-', path: at, description, dataLoss: loses });
    } else if (was.type !== now.type) {
      out.push({ op: '~', path: at, description: `${was.type} -> ${now.type}`, dataLoss: loses });
    } else {
      const description = describeValues(was, now, COMPARED_OPTIONS);
      if (description) out.push({ op: '~', path: at, description, dataLoss: false });
      if (was.fields && now.fields) diffFields(`${at}.fields`, was.fields, now.fields, held, out);
    }
  }
  for (const [key, now] of Object.entries(after)) {
    if (!before[key]) out.push({ op: '+', path: `${path}.${key}`, description: now.type, dataLoss: false });
  }
  const order = orderChange(path, Object.keys(before), Object.keys(after));
  if (order) out.push(order);
}
