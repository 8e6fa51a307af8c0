import { createPost } from '../../blog/write/post-operations.js';
import { POST_BODY_KEYS } from '../../blog/write/post-input.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** POST /v2/posts/: creates a post (a draft unless `status` says otherwise). */
export const createPostEndpoint: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, request }: ApiCall) {
    await createPost(ctx.store.db, caller.accountId, bodyObject(request.body, POST_BODY_KEYS), {
      now: ctx.clock(),
      ingestMedia: ctx.ingestMedia,
    });
    return ACCEPTED;
  },
};
