import { parsePostInput, POST_BODY_KEYS } from '../../blog/write/post-input.js';
import { writePost } from '../../blog/write/write-post.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** POST /v2/posts/: creates a post (a draft unless `status` says otherwise). */
export const createPost: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, request }: ApiCall) {
    const { input, errors } = parsePostInput(bodyObject(request.body, POST_BODY_KEYS));
    await writePost(ctx.store.db, { accountId: caller.accountId, intent: 'create', input, errors }, { now: ctx.clock(), ingestMedia: ctx.ingestMedia });
    return ACCEPTED;
  },
};
