import { api, accountPath } from './api';
import type { FieldDef, SchemaDoc } from './types';

const cache = new Map<number, Promise<SchemaDoc>>();

/** The account's schema document (cached until `forgetSchema`). */
export function loadSchema(accountId: number): Promise<SchemaDoc> {
  let p = cache.get(accountId);
  if (!p) {
    p = api<{ data: SchemaDoc }>('GET', accountPath(accountId, '/schema')).then((r) => r.data);
    p.catch(() => cache.delete(accountId));
    cache.set(accountId, p);
  }
  return p;
}

/** Drops the cached schema after it changed. */
export function forgetSchema(accountId: number): void {
  cache.delete(accountId);
}

/** The empty value of a field, as the API reads it back. */
export function emptyValue(def: FieldDef, schema: SchemaDoc): unknown {
  switch (def.type) {
    case 'number': return null;
    case 'checkbox': return false;
    case 'reference': return def.many ? [] : null;
    case 'repeater':
    case 'component_picker': return [];
    case 'component': return emptyFields(schema.components[def.component ?? '']?.fields ?? {}, schema);
    default: return '';
  }
}

/** Every field of a type with its empty value. */
export function emptyFields(fields: Record<string, FieldDef>, schema: SchemaDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, emptyValue(d, schema)]));
}

/** Words for a field key: `hero_image` -> `Hero image`. */
export function humanize(key: string): string {
  const s = key.replace(/[_-]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
