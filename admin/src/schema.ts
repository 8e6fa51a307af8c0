import { emptyObject } from '../../src/shared/empty-value';
import type { ExportedSchema, Fields } from '../../src/shared/field-types';
import { api, accountPath } from './api';

const cache = new Map<number, Promise<ExportedSchema>>();

/** The account's schema document (cached until `forgetSchema`). */
export function loadSchema(accountId: number): Promise<ExportedSchema> {
  let p = cache.get(accountId);
  if (!p) {
    p = api<{ data: ExportedSchema }>('GET', accountPath(accountId, '/schema')).then((r) => r.data);
    p.catch(() => cache.delete(accountId));
    cache.set(accountId, p);
  }
  return p;
}

/** Drops the cached schema after it changed. */
export function forgetSchema(accountId: number): void {
  cache.delete(accountId);
}

const componentsOf =
  (schema: ExportedSchema) =>
  (key: string | undefined): Fields =>
    schema.components[key ?? '']?.fields ?? {};

/** Every field of a type with its empty value, as the API reads it back. */
export function emptyFields(fields: Fields, schema: ExportedSchema): Record<string, unknown> {
  return emptyObject(fields, componentsOf(schema));
}

/** Words for a field key: `hero_image` -> `Hero image`. */
export function humanize(key: string): string {
  const s = key.replace(/[_-]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
