import { updateItem } from '../../content/write/item-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalStatus, optionalString } from '../write/body.js';

function updateItemEndpoint(partial: boolean): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const { ctx, schema, query, request, params } = call;
      const body = bodyObject(request.body, ['key', 'status', 'fields']);
      // Accepted and ignored: the path names the collection.
      optionalString(body, 'key');
      const status = optionalStatus(body);
      const fields = fieldsObject(body);
      await updateItem(
        { db: ctx.store.db, schema, actor: callerActor(call), ingestMedia: ctx.ingestMedia },
        { key: params.key!, id: params.id },
        { status, fields, locale: query.locale },
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
