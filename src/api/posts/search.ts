import { renderPosts } from '../../blog/render-posts.js';
import { searchPosts } from '../../blog/search-posts.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { blogScope } from '../blog/blog-params.js';
import { listMeta, parsePagination } from '../params.js';
import { parseSearchTerms } from '../search-query.js';

/** GET /v2/posts/search/ (and the legacy /v2/search/): full text over title, summary and body, best first. */
export const searchPostsEndpoint: Endpoint = {
  auth: 'read',
  async handle(call: ApiCall) {
    const { ctx, query } = call;
    const terms = parseSearchTerms(query.query);
    const pagination = parsePagination(query);
    const scope = blogScope(call);
    const { rows, count } = await searchPosts(ctx.store.db, ctx.store.dialect, scope, terms, pagination);
    const posts = await renderPosts(ctx.store.db, scope, rows, {
      publicUrl: ctx.config.publicUrl,
      mediaPublicUrl: ctx.config.mediaPublicUrl,
      deleted: true,
    });
    const data = posts.map((post, i) => ({ ...post, rank: rows[i]!.rank }));
    return { body: { meta: listMeta(pagination, count), data } };
  },
};
