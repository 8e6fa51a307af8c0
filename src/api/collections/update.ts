import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { writeEntry } from '../../content/write/write-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../http/errors.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalStatus, optionalString } from '../write/body.js';
import { splitLocales, writeLocale } from '../write/locale-fields.js';

/** The collection and item id of `/v2/content/<key>/<id>/` (the reads' 404s when wrong). */
export function itemTarget(schema: AccountSchema, key: string, rawId: string): { type: ContentType; id: number } {
  const type = schema.byKey.get(`collection:${key}`);
  if (!type) throw errors.collectionNotFound();
  const id = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!(id < 2 ** 31)) throw errors.notFound();
  return { type, id };
}

function updateItem(partial: boolean): Endpoint {
  return {
    auth: 'write',
    async handle({ ctx, schema, query, request, params }: ApiCall) {
      const body = bodyObject(request.body, ['key', 'status', 'fields']);
      optionalString(body, 'key');
      const status = optionalStatus(body);
      const fields = fieldsObject(body);
      const locale = writeLocale(query, schema);
      const { type, id } = itemTarget(schema, params.key!, params.id!);
      await writeEntry(ctx.store.db, schema, {
        type, intent: 'update', id, status, ...splitLocales(fields, type, schema, locale), mode: { partial, requireAll: false },
      }, { ingestMedia: ctx.ingestMedia });
      return ACCEPTED;
    },
  };
}

/** PUT /v2/content/<key>/<id>/: replaces the item; fields left out read back empty. */
export const replaceCollectionItem = updateItem(false);

/** PATCH /v2/content/<key>/<id>/: changes only the fields sent. */
export const patchCollectionItem = updateItem(true);
