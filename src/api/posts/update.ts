import { parsePostInput, POST_BODY_KEYS } from '../../blog/write/post-input.js';
import { writePost } from '../../blog/write/write-post.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';

/** PATCH and PUT /v2/posts/<slug>/: only the keys sent change (PUT too, as in ButterCMS); `slug` renames. */
export const updatePost: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, request, params }: ApiCall) {
    const { input, errors } = parsePostInput(bodyObject(request.body, POST_BODY_KEYS));
    await writePost(ctx.store.db, { accountId: caller.accountId, intent: 'update', slug: params.slug!, input, errors }, { now: ctx.clock(), ingestMedia: ctx.ingestMedia });
    return ACCEPTED;
  },
};
