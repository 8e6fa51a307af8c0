import { deleteItem } from '../../content/write/item-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';

/** DELETE /v2/content/<key>/<id>/: 204; refused while referenced unless `?force=true`. */
export const deleteCollectionItem: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, params }: ApiCall) {
    await deleteItem({ db: ctx.store.db, schema }, { key: params.key!, id: params.id }, query.force);
    return null;
  },
};
