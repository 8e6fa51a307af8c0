import { errors, messages } from '../../errors/index.js';
import type { TimingInput } from '../../content/write/entry-schedule.js';

// The top level of a write body, checked before anything is looked up (docs/api.md §9, step 5).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as an object whose keys are all known; a misspelled key is an error, not dropped. */
export function bodyObject(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw errors.bodyNotObject();
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw errors.unknownBodyKey(key);
  return body;
}

/** An optional string property. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw errors.keyNotString(key);
  if (value.includes('\u0000')) throw errors.keyWithNul(key);
  return value;
}

/** `status`: draft or published; absent keeps the current one. */
export function optionalStatus(body: Record<string, unknown>): 'draft' | 'published' | undefined {
  const status = optionalString(body, 'status');
  if (status === undefined) return undefined;
  if (status !== 'draft' && status !== 'published') throw errors.badWriteStatus();
  return status;
}

/** The keys of a page or item write that time it (docs/api.md §13). */
export const TIMING_KEYS = ['status', 'scheduled', 'unpublish_at'] as const;

/**
 * `status` (draft, published or scheduled; absent keeps the current one), `scheduled` and
 * `unpublish_at` of a page or item write. The times are checked with the fields, as field errors.
 */
export function writeTiming(body: Record<string, unknown>): TimingInput {
  const status = optionalString(body, 'status');
  if (status !== undefined && status !== 'draft' && status !== 'published' && status !== 'scheduled') {
    throw errors.badTimedStatus();
  }
  return { status, scheduled: body.scheduled ?? undefined, unpublishAt: body.unpublish_at };
}

/** `fields` as an object (absent: none). */
export function fieldsObject(body: Record<string, unknown>): Record<string, unknown> {
  const fields = body.fields;
  if (fields === undefined || fields === null) return {};
  if (!isObject(fields)) throw errors.fieldsNotObject();
  return fields;
}

/**
 * `fields` of a collection create: a list of item objects, one per new item. An object alone is
 * refused, not taken as one item: it is the shape of PUT and PATCH, and a body meant for one of
 * them would otherwise create a stray item.
 */
export function fieldsList(body: Record<string, unknown>): Record<string, unknown>[] {
  const list = body.fields;
  if (isObject(list)) throw errors.validation({ fields: [messages.itemsList] });
  if (!Array.isArray(list) || list.length === 0 || !list.every(isObject)) throw errors.fieldsNotList();
  return list;
}
