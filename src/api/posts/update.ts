import { updatePost } from '../../blog/write/post-operations.js';
import { POST_BODY_KEYS } from '../../blog/write/post-input.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** PATCH and PUT /v2/posts/<slug>/: only the keys sent change (PUT too, as in ButterCMS); `slug` renames. */
export const updatePostEndpoint: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, request, params }: ApiCall) {
    await updatePost(ctx.store.db, caller.accountId, params.slug!, bodyObject(request.body, POST_BODY_KEYS), {
      now: ctx.clock(),
      ingestMedia: ctx.ingestMedia,
    });
    return ACCEPTED;
  },
};
