import { shortPost } from '../../blog/post-object.js';
import { neighbourPosts } from '../../blog/post-neighbours.js';
import { postBySlug } from '../../blog/post-rows.js';
import { renderPosts } from '../../blog/render-posts.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { blogScope } from '../blog/blog-params.js';

/** GET /v2/posts/<slug>/: one post, with the short posts published just after and before it. */
export const retrievePost: Endpoint = {
  auth: 'read',
  async handle(call: ApiCall) {
    const { ctx, params } = call;
    const scope = blogScope(call);
    const row = await postBySlug(ctx.store.db, scope, params.slug!);
    if (!row) throw errors.postNotFound();
    const [[post], around] = await Promise.all([
      renderPosts(ctx.store.db, scope, [row], {
        publicUrl: ctx.config.publicUrl,
        mediaPublicUrl: ctx.config.mediaPublicUrl,
        deleted: true,
      }),
      neighbourPosts(ctx.store.db, scope, row),
    ]);
    const short = (r: typeof row | null) => (r ? shortPost(r, ctx.config) : null);
    return { body: { meta: { next_post: short(around.next), previous_post: short(around.previous) }, data: post } };
  },
};
