import { fetchEntries } from '../../content/entry-rows.js';
import { pageTypeOf } from '../../content/find-page.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { listMeta, parseLevels, parsePagination, parseScope } from '../params.js';
import { parseSearchTerms } from '../search-query.js';

/** GET /v2/pages/search/: full-text search over page names, slugs and text fields. */
export const searchPages: Endpoint = {
  auth: 'read',
  async handle({ ctx, caller, schema, query, deps }: ApiCall) {
    const terms = parseSearchTerms(query.query);
    const levels = parseLevels(query);
    const scope = parseScope(query, caller, schema);
    const pagination = parsePagination(query);
    const pageTypes = [...schema.byId.values()].filter((t) => t.kind === 'page_type' || t.kind === 'single_page');
    let typeIds = pageTypes.map((t) => t.id);
    if (query.page_type !== undefined) typeIds = [pageTypeOf(schema, query.page_type).id];
    for (const id of typeIds) deps.add(`t${id}`);
    if (terms.length === 0) return { body: { meta: listMeta(pagination, 0), data: [] } };
    const { hits, count } = await ctx.store.dialect.search(ctx.store.db, {
      accountTypeIds: typeIds,
      locale: scope.locale,
      channel: scope.channel,
      terms,
      limit: pagination.limit,
      offset: pagination.offset,
    });
    const rows = await fetchEntries(
      ctx.store.db,
      scope,
      hits.map((h) => h.entry_id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = hits.map((h) => byId.get(h.entry_id)).filter((r) => r !== undefined);
    const data = await new Renderer(ctx.store.db, schema, scope, ctx.config, deps).render(ordered, levels);
    return { body: { meta: listMeta(pagination, count), data } };
  },
};
