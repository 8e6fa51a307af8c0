import { deletePost } from '../../blog/write/delete-post.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';

/** DELETE /v2/posts/<slug>/: 204. */
export const deletePostEndpoint: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, params }: ApiCall) {
    await deletePost(ctx.store.db, caller.accountId, params.slug!);
    return null;
  },
};
