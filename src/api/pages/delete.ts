import { deletePage } from '../../content/write/page-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';

/** DELETE /v2/pages/<type>/<slug>/ (`*`: any page type): 204; refused while referenced unless `?force=true`. */
export const deletePageEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, schema, query, params } = call;
    await deletePage(
      { db: ctx.store.db, schema, actor: callerActor(call) },
      { type: params.type!, slug: params.slug! },
      query.force,
    );
    return null;
  },
};
