import { errors } from '../errors/index.js';
import { positiveId } from '../params/positive-id.js';
import type { AccountSchema, ContentType } from './account-schema.js';

/** The collection of a key (path or body), or the read's 404. */
export function collectionOf(schema: AccountSchema, key: string): ContentType {
  const type = schema.byKey.get(`collection:${key}`);
  if (!type) throw errors.collectionNotFound();
  return type;
}

/**
 * The collection and item id of `/content/<key>/<id>/` in either API, the read's 404s when
 * wrong (the collection is checked first). Whether the item exists is the caller's lookup.
 */
export function itemTarget(
  schema: AccountSchema,
  key: string,
  rawId: string | undefined,
): { type: ContentType; id: number } {
  const type = collectionOf(schema, key);
  const id = positiveId(rawId);
  if (id === null) throw errors.notFound();
  return { type, id };
}
