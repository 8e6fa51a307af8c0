import { fetchEntries } from '../../content/entry-rows.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../http/errors.js';
import { parseLevels, parseScope } from '../params.js';

/** GET /v2/content/<key>/<id>/: one collection item by its id. */
export const retrieveCollectionItem: Endpoint = {
  auth: 'read',
  async handle({ ctx, caller, schema, query, params }: ApiCall) {
    const levels = parseLevels(query);
    const scope = parseScope(query, caller, schema);
    const type = schema.byKey.get(`collection:${params.key}`);
    if (!type) throw errors.collectionNotFound();
    const id = /^[1-9]\d{0,9}$/.test(params.id!) ? Number(params.id) : NaN;
    if (!(id <= 2 ** 31 - 1)) throw errors.notFound();
    const [row] = await fetchEntries(ctx.store.db, scope, [id]);
    if (!row || row.type_id !== type.id) throw errors.notFound();
    const [item] = await new Renderer(ctx.store.db, schema, scope, ctx.config.publicUrl).render([row], levels);
    return { body: { data: item } };
  },
};
