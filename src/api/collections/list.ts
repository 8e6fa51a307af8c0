import { collectionOf } from '../../content/find-item.js';
import { listEntries } from '../../content/list-entries.js';
import { parseFilters, parseOrder, parseSelection } from '../../content/list-spec.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { listMeta, parseLevels, parsePagination, parseScope } from '../params.js';

/**
 * Items of one or more collections. Pagination, filters and order apply to each key's list
 * and must fit every collection; `meta` describes the first key (docs/api.md §9).
 */
async function listCollections(call: ApiCall, keysText: string, withMeta: boolean) {
  const { ctx, caller, schema, query, deps } = call;
  const levels = parseLevels(query);
  const scope = parseScope(query, caller, schema);
  const pagination = parsePagination(query);
  // A key named twice reads once: the answer holds it once, so the budget counts it once.
  const keys = [...new Set(keysText.split(','))];
  const types = keys.map((key) => collectionOf(schema, key));
  const renderer = new Renderer(ctx.store.db, schema, scope, ctx.config, deps);
  const specs = types.map((type) => ({
    type,
    filters: parseFilters(query, type.fields, schema),
    order: parseOrder(query.order, type.fields, schema),
    selection: parseSelection(query.fields, type.fields, schema),
  }));
  for (const spec of specs) deps.add(`t${spec.type.id}`);
  const data: Record<string, unknown[]> = {};
  let firstCount = 0;
  for (const [i, spec] of specs.entries()) {
    const { rows, count } = await listEntries(ctx.store.db, scope, {
      typeIds: [spec.type.id],
      filters: spec.filters,
      order: spec.order,
      defaultOrder: 'items',
      limit: pagination.limit,
      offset: pagination.offset,
    });
    if (i === 0) firstCount = count;
    data[spec.type.key] = await renderer.render(rows, levels, spec.selection);
  }
  return { body: withMeta ? { meta: listMeta(pagination, firstCount), data } : { data } };
}

/** GET /v2/content/<key>[,<key>...]/ */
export const listCollectionItems: Endpoint = {
  auth: 'read',
  handle: (call) => listCollections(call, call.params.keys!, true),
};

/** GET /v2/content/?keys=<k1>,<k2> (legacy form, no meta); without keys, `{}`. */
export const listCollectionsLegacy: Endpoint = {
  auth: 'read',
  async handle(call) {
    const keys = call.query.keys;
    if (keys === undefined || keys === '') return { body: {} };
    return listCollections(call, keys, false);
  },
};
