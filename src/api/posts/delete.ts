import { deletePost } from '../../blog/write/delete-post.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';

/** DELETE /v2/posts/<slug>/: 204. */
export const deletePostEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    await deletePost(call.ctx.store.db, call.caller.accountId, call.params.slug!, callerActor(call));
    return null;
  },
};
