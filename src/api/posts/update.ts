import { updatePost } from '../../blog/write/post-operations.js';
import { POST_BODY_KEYS } from '../../blog/write/post-input.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** PATCH and PUT /v2/posts/<slug>/: only the keys sent change (PUT too, as in ButterCMS); `slug` renames. */
export const updatePostEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, caller, request, params } = call;
    await updatePost(ctx.store.db, caller.accountId, params.slug!, bodyObject(request.body, POST_BODY_KEYS), {
      now: ctx.clock(),
      actor: callerActor(call),
      ingestMedia: ctx.ingestMedia,
    });
    return ACCEPTED;
  },
};
