import { fetchEntries } from '../../content/entry-rows.js';
import { itemTarget } from '../../content/find-item.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { parseLevels, parseScope } from '../params.js';

/** GET /v2/content/<key>/<id>/: one collection item by its id. */
export const retrieveCollectionItem: Endpoint = {
  auth: 'read',
  async handle({ ctx, caller, schema, query, params, deps }: ApiCall) {
    const levels = parseLevels(query);
    const scope = parseScope(query, caller, schema);
    const { type, id } = itemTarget(schema, params.key!, params.id);
    const [row] = await fetchEntries(ctx.store.db, scope, [id]);
    if (!row || row.type_id !== type.id) throw errors.notFound();
    const [item] = await new Renderer(ctx.store.db, schema, scope, ctx.config, deps).render([row], levels);
    return { body: { data: item } };
  },
};
