import { pageTypeOf } from '../../content/find-page.js';
import { listEntries } from '../../content/list-entries.js';
import { parseFilters, parseOrder, parseSelection } from '../../content/list-spec.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { listMeta, parseLevels, parsePagination, parseScope } from '../params.js';

/** GET /v2/pages/<type>/: pages of one type; `*` lists the single pages, as does GET /v2/pages/ (no type). */
export const listPages: Endpoint = {
  auth: 'read',
  async handle({ ctx, caller, schema, query, params, deps }: ApiCall) {
    const levels = parseLevels(query);
    const scope = parseScope(query, caller, schema);
    const pagination = parsePagination(query);
    const typeKey = params.type ?? '*';
    if (typeKey === '*') {
      // Filters, order and selection need one schema; the single pages have one each.
      if (
        query.order !== undefined ||
        query.fields !== undefined ||
        Object.keys(query).some((k) => k.startsWith('fields.'))
      ) {
        throw errors.invalidFields();
      }
    }
    const type = typeKey === '*' ? null : pageTypeOf(schema, typeKey);
    const typeIds = type
      ? [type.id]
      : [...schema.byId.values()].filter((t) => t.kind === 'single_page').map((t) => t.id);
    for (const id of typeIds) deps.add(`t${id}`);
    const filters = type ? parseFilters(query, type.fields, schema) : [];
    const order = parseOrder(query.order, type?.fields ?? null, schema);
    const selection = type ? parseSelection(query.fields, type.fields, schema) : null;
    const { rows, count } = await listEntries(ctx.store.db, scope, {
      typeIds,
      filters,
      order,
      defaultOrder: 'pages',
      limit: pagination.limit,
      offset: pagination.offset,
    });
    const data = await new Renderer(ctx.store.db, schema, scope, ctx.config, deps).render(rows, levels, selection);
    return { body: { meta: listMeta(pagination, count), data } };
  },
};
