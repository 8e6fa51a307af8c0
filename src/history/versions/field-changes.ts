import { DIFF_MAX_CHARS, isLongText, textDiff, type TextChange } from './text-diff.js';

/** One value that differs between two versions, by its path in `fields` (`seo.title`, `faq.0.answer`). */
export interface FieldChange {
  path: string;
  /** Null where the older side has no such path (a row or field added). */
  from: unknown;
  /** Null where the newer side has no such path (a row or field removed). */
  to: unknown;
  /** For long text and HTML: a word diff (absent when too long or too different to diff). */
  diff?: TextChange[];
}

/** Texts a whole comparison diffs at most, so that one answer stays bounded work. */
const DIFF_BUDGET = 5 * DIFF_MAX_CHARS;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyContainer = (v: unknown) => (Array.isArray(v) ? v.length === 0 : isObject(v) && !Object.keys(v).length);

/** Every leaf of a value by its dotted path; an empty object or list is a leaf of its own. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): void {
  const children = Array.isArray(value) ? value.entries() : isObject(value) ? Object.entries(value) : null;
  let any = false;
  for (const [key, child] of children ?? []) {
    any = true;
    leaves(child, path ? `${path}.${key}` : String(key), out);
  }
  if (!any && path) out.set(path, value);
}

/** True when some path of `paths` lies under `path`. */
function hasDescendant(paths: Map<string, unknown>, path: string): boolean {
  const prefix = `${path}.`;
  for (const key of paths.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/**
 * The values that differ between two versions' fields, leaf by leaf, in the order of the older
 * one (then what only the newer has). An empty list on one side and rows on the other shows as
 * the rows alone.
 */
export function fieldChanges(older: Record<string, unknown>, newer: Record<string, unknown>): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(older, '', a);
  leaves(newer, '', b);
  let budget = DIFF_BUDGET;
  const changes: FieldChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const [from, to] = [a.get(path), b.get(path)];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (from === undefined && isEmptyContainer(to) && hasDescendant(a, path)) continue;
    if (to === undefined && isEmptyContainer(from) && hasDescendant(b, path)) continue;
    const change: FieldChange = { path, from: from ?? null, to: to ?? null };
    if ((isLongText(from) || isLongText(to)) && isTextOrAbsent(from) && isTextOrAbsent(to)) {
      const [x, y] = [(from as string | undefined) ?? '', (to as string | undefined) ?? ''];
      const diff = budget >= x.length + y.length ? textDiff(x, y) : null;
      budget -= x.length + y.length;
      if (diff) change.diff = diff;
    }
    changes.push(change);
  }
  return changes;
}

function isTextOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}
