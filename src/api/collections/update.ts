import { updateItem } from '../../content/write/item-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalString, TIMING_KEYS, writeTiming } from '../write/body.js';

function updateItemEndpoint(partial: boolean): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const { ctx, schema, query, request, params } = call;
      const body = bodyObject(request.body, ['key', ...TIMING_KEYS, 'fields']);
      // Accepted and ignored: the path names the collection.
      optionalString(body, 'key');
      const timing = writeTiming(body);
      const fields = fieldsObject(body);
      await updateItem(
        { db: ctx.store.db, schema, actor: callerActor(call), ingestMedia: ctx.ingestMedia, now: ctx.clock() },
        { key: params.key!, id: params.id },
        { ...timing, fields, locale: query.locale },
        { partial },
      );
      return ACCEPTED;
    },
  };
}

/** PUT /v2/content/<key>/<id>/: replaces the item; fields left out read back empty. */
export const replaceCollectionItem = updateItemEndpoint(false);

/** PATCH /v2/content/<key>/<id>/: changes only the fields sent. */
export const patchCollectionItem = updateItemEndpoint(true);
