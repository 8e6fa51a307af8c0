import { deleteEntry } from '../../content/write/delete-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { forceFlag } from '../write/body.js';
import { itemTarget } from './update.js';

/** DELETE /v2/content/<key>/<id>/: 204; refused while referenced unless `?force=true`. */
export const deleteCollectionItem: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, params }: ApiCall) {
    const force = forceFlag(query);
    const { type, id } = itemTarget(schema, params.key!, params.id!);
    await deleteEntry(ctx.store.db, schema, type, { id }, force);
    return null;
  },
};
