import { deleteItem } from '../../content/write/item-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';

/** DELETE /v2/content/<key>/<id>/: 204; refused while referenced unless `?force=true`. */
export const deleteCollectionItem: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, schema, query, params } = call;
    await deleteItem(
      { db: ctx.store.db, schema, actor: callerActor(call) },
      { key: params.key!, id: params.id },
      query.force,
    );
    return null;
  },
};
