import { listPosts } from '../../blog/list-posts.js';
import { renderPosts } from '../../blog/render-posts.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { parseBool } from '../../params/query-bool.js';
import { blogScope, postFilters } from '../blog/blog-params.js';
import { listMeta, parsePagination } from '../params.js';

/** GET /v2/posts/: newest published first; filters by author, category and tag; preview adds drafts. */
export const listPostsEndpoint: Endpoint = {
  auth: 'read',
  async handle(call: ApiCall) {
    const { ctx, query } = call;
    const pagination = parsePagination(query);
    const scope = blogScope(call);
    const filters = postFilters(query, ['author_slug', 'category_slug', 'tag_slug']);
    const { rows, count } = await listPosts(ctx.store.db, scope, filters, pagination);
    const data = await renderPosts(ctx.store.db, scope, rows, {
      publicUrl: ctx.config.publicUrl,
      mediaPublicUrl: ctx.config.mediaPublicUrl,
      body: !parseBool(query.exclude_body),
    });
    return { body: { meta: listMeta(pagination, count), data } };
  },
};
