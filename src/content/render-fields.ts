import type { AccountSchema } from './account-schema.js';
import { componentFields, emptyObject, emptyValue } from './empty-value.js';
import type { FieldDef, Fields } from './schema/types.js';
import { absoluteMediaInHtml, absoluteMediaUrl } from '../media/public-media-urls.js';

/** What a stored reference (an entry id) reads as: an object, a URI string, or null when gone. */
export type ResolveRef = (entryId: number) => unknown;

/** How stored values become API values where they depend on more than the value itself. */
export interface RenderHooks {
  resolve: ResolveRef;
  /** `PUBLIC_URL`: media stored as `/media/<name>` read back as absolute URLs. */
  publicUrl: string;
  /** `MEDIA_PUBLIC_URL`: when set, media read back under it instead (public-media-urls.ts). */
  mediaPublicUrl?: string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns stored field values into their API form, in schema order. Values that no longer fit
 * the schema (after a type change) read as the field's empty value rather than failing.
 */
export function renderFields(
  fields: Fields,
  stored: unknown,
  schema: AccountSchema,
  hooks: RenderHooks,
): Record<string, unknown> {
  const values = isObject(stored) ? stored : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) out[key] = renderValue(field, values[key], schema, hooks);
  return out;
}

function renderValue(field: FieldDef, value: unknown, schema: AccountSchema, hooks: RenderHooks): unknown {
  if (value === undefined || value === null) return emptyValue(field, schema);
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'checkbox':
      return value === true;
    case 'reference':
      return renderReference(field, value, hooks.resolve);
    case 'component':
      return renderFields(componentFields(schema, field.component), value, schema, hooks);
    case 'repeater':
      return Array.isArray(value) ? value.map((row) => renderFields(field.fields ?? {}, row, schema, hooks)) : [];
    case 'component_picker':
      return Array.isArray(value) ? renderPicked(field, value, schema, hooks) : [];
    case 'media':
      if (typeof value !== 'string') return '';
      return absoluteMediaUrl(value, hooks.publicUrl, hooks.mediaPublicUrl);
    case 'wysiwyg':
    case 'html':
      return typeof value === 'string' ? absoluteMediaInHtml(value, hooks.publicUrl, hooks.mediaPublicUrl) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

function renderReference(field: FieldDef, value: unknown, resolve: ResolveRef): unknown {
  if (field.many) {
    const ids = Array.isArray(value) ? value : [];
    // A gone or unpublished target is left out of a `many` array (docs/api.md §1).
    return ids
      .filter((id): id is number => typeof id === 'number')
      .map(resolve)
      .filter((v) => v !== null && v !== undefined);
  }
  return typeof value === 'number' ? (resolve(value) ?? null) : null;
}

function renderPicked(field: FieldDef, items: unknown[], schema: AccountSchema, hooks: RenderHooks): unknown[] {
  const allowed = new Set(field.components ?? []);
  const out: unknown[] = [];
  for (const item of items) {
    if (!isObject(item) || typeof item.type !== 'string' || !allowed.has(item.type)) continue;
    const fields = componentFields(schema, item.type);
    out.push({
      type: item.type,
      fields: isObject(item.fields) ? renderFields(fields, item.fields, schema, hooks) : emptyObject(fields, schema),
    });
  }
  return out;
}

/** Every entry id referenced anywhere in a set of stored values (components and repeaters included). */
export function collectReferences(fields: Fields, stored: unknown, schema: AccountSchema, into: Set<number>): void {
  const resolve = (id: number) => {
    into.add(id);
    return null;
  };
  renderFields(fields, stored, schema, { resolve, publicUrl: '' });
}
