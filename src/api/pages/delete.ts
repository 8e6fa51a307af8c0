import { findPage } from '../../content/find-page.js';
import { deleteEntry } from '../../content/write/delete-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { forceFlag } from '../write/body.js';

/** DELETE /v2/pages/<type>/<slug>/ (`*`: any page type): 204; refused while referenced unless `?force=true`. */
export const deletePage: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, params }: ApiCall) {
    const force = forceFlag(query);
    const { type } = await findPage(ctx.store.db, schema, params.type!, params.slug!);
    await deleteEntry(ctx.store.db, schema, type, { slug: params.slug! }, force);
    return null;
  },
};
