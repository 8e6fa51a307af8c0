import { entriesInScope } from '../../content/entry-rows.js';
import { pageTypesOf } from '../../content/find-page.js';
import { parseSelection } from '../../content/list-spec.js';
import { Renderer } from '../../content/renderer.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { parseLevels, parseScope } from '../params.js';

/** GET /v2/pages/<type>/<slug>/: one page; `*` finds the slug in any page type. */
export const retrievePage: Endpoint = {
  auth: 'read',
  async handle({ ctx, caller, schema, query, params, deps }: ApiCall) {
    const levels = parseLevels(query);
    const scope = parseScope(query, caller, schema);
    const { type: typeKey, slug } = params as { type: string; slug: string };
    const any = typeKey === '*';
    const types = pageTypesOf(schema, typeKey);
    let selection = any ? null : parseSelection(query.fields, types[0]!.fields, schema);
    // No slug holds U+0000 (PostgreSQL could not even compare it).
    const rows =
      types.length && !slug.includes('\u0000')
        ? await entriesInScope(ctx.store.db, scope)
            .where(
              'e.type_id',
              'in',
              types.map((t) => t.id),
            )
            .where('e.slug', '=', slug)
            .limit(2)
            .execute()
        : [];
    if (rows.length > 1) throw errors.multiplePages();
    const row = rows[0];
    if (!row) throw errors.pageNotFound();
    // Through `*`, `fields=` is checked against the found page's own schema.
    if (any) selection = parseSelection(query.fields, schema.byId.get(row.type_id)!.fields, schema);
    deps.add(`s${slug}`);
    const [page] = await new Renderer(ctx.store.db, schema, scope, ctx.config, deps).render([row], levels, selection);
    return { body: { data: page } };
  },
};
