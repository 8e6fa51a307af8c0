import { createPost } from '../../blog/write/post-operations.js';
import { POST_BODY_KEYS } from '../../blog/write/post-input.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** POST /v2/posts/: creates a post (a draft unless `status` says otherwise). */
export const createPostEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, caller, request } = call;
    await createPost(ctx.store.db, caller.accountId, bodyObject(request.body, POST_BODY_KEYS), {
      now: ctx.clock(),
      actor: callerActor(call),
      ingestMedia: ctx.ingestMedia,
    });
    return ACCEPTED;
  },
};
