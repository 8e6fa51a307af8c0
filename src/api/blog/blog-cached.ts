import { BLOG_TAG } from '../../blog/blog-tag.js';
import { nextScheduledAt } from '../../blog/next-scheduled.js';
import type { Endpoint } from '../../http/define-routes.js';
import { isoMicro } from '../../time.js';

/**
 * A blog read whose answer is kept in the response cache: tagged `blog` (every post, author or
 * term write evicts it) and kept no longer than the account's next scheduled publication.
 */
export function blogCached(endpoint: Endpoint): Endpoint {
  return {
    auth: endpoint.auth,
    async handle(call) {
      const result = await endpoint.handle(call);
      call.deps.add(BLOG_TAG);
      call.cache.until = await nextScheduledAt(call.ctx.store.db, call.caller.accountId, isoMicro(call.ctx.clock()));
      return result;
    },
  };
}
