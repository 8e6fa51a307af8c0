import { BLOG_TAG } from '../../blog/blog-tag.js';
import type { Endpoint } from '../../http/define-routes.js';

/**
 * A blog read whose answer is kept in the response cache: tagged `blog` (every post, author or
 * term write evicts it). Like every answer, it is kept no longer than the account's next
 * scheduled change (src/scheduling/schedule-gate.ts).
 */
export function blogCached(endpoint: Endpoint): Endpoint {
  return {
    auth: endpoint.auth,
    async handle(call) {
      const result = await endpoint.handle(call);
      call.deps.add(BLOG_TAG);
      return result;
    },
  };
}
