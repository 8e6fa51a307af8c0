import { queryBool } from '../params/query-bool.js';
import { errors } from '../errors/index.js';
import type { AccountSchema } from './account-schema.js';
import { isNumeric, isScalar, resolvePath, splitPath } from './field-paths.js';
import type { Fields } from './schema/types.js';
import type { Selection } from './renderer.js';
import { indexedText } from './write/derived-rows.js';

/** A `fields.<path>=<value>` filter, resolved against the schema. */
export interface Filter {
  /** For a filter through a reference: the reference field's stored path. */
  via: string | null;
  path: string;
  numeric: boolean;
  /** The comparable value, or null when the text can never match (e.g. `abc` on a number). */
  value: string | number | null;
}

export type Order =
  { kind: 'published' | 'updated'; desc: boolean } | { kind: 'field'; path: string; numeric: boolean; desc: boolean };

/** The `fields.*` filters of a query, checked against the type's schema (400 when unknown). */
export function parseFilters(query: Record<string, string>, fields: Fields, schema: AccountSchema): Filter[] {
  const filters: Filter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (!key.startsWith('fields.')) continue;
    const segments = splitPath(key.slice('fields.'.length));
    if (!segments) throw errors.invalidFields();
    filters.push(resolveFilter(segments, raw, fields, schema));
  }
  return filters;
}

function resolveFilter(segments: string[], raw: string, fields: Fields, schema: AccountSchema): Filter {
  const direct = resolvePath(fields, segments, schema);
  if (direct && isScalar(direct.field)) {
    return {
      via: null,
      path: direct.path,
      numeric: isNumeric(direct.field),
      value: comparable(direct.field.type, raw),
    };
  }
  // Through a reference: the longest prefix that is a reference field, then a field of its target.
  for (let i = segments.length - 1; i >= 1; i--) {
    const ref = resolvePath(fields, segments.slice(0, i), schema);
    if (!ref || ref.field.type !== 'reference' || !ref.field.to) continue;
    const target = schema.byKey.get(ref.field.to);
    const inner = target && resolvePath(target.fields, segments.slice(i), schema);
    if (inner && isScalar(inner.field)) {
      return {
        via: ref.path,
        path: inner.path,
        numeric: isNumeric(inner.field),
        value: comparable(inner.field.type, raw),
      };
    }
  }
  throw errors.invalidFields();
}

function comparable(type: string, raw: string): string | number | null {
  // No stored text holds U+0000 (writes refuse it), and PostgreSQL cannot even compare it.
  if (raw.includes('\u0000')) return null;
  if (type === 'checkbox') {
    const flag = queryBool(raw);
    return flag === null ? null : Number(flag);
  }
  if (type === 'number') {
    const n = raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return indexedText(raw);
}

/** `order=<field>` / `order=-<field>`; `published` and `updated` always, schema scalars too. */
export function parseOrder(raw: string | undefined, fields: Fields | null, schema: AccountSchema): Order | null {
  if (raw === undefined) return null;
  const desc = raw.startsWith('-');
  const name = desc ? raw.slice(1) : raw;
  if (name === 'published' || name === 'updated') return { kind: name, desc };
  const segments = splitPath(name);
  const resolved = segments && fields ? resolvePath(fields, segments, schema) : null;
  if (!resolved || !isScalar(resolved.field)) throw errors.invalidOrder();
  return { kind: 'field', path: resolved.path, numeric: isNumeric(resolved.field), desc };
}

/** `fields=title,hero.title`: comma-separated dot paths, every one in the schema. */
export function parseSelection(raw: string | undefined, fields: Fields, schema: AccountSchema): Selection {
  if (raw === undefined) return null;
  const paths = raw.split(',').map((part) => splitPath(part));
  if (paths.some((p) => !p || !resolvePath(fields, p, schema))) throw errors.invalidFields();
  return paths as string[][];
}
