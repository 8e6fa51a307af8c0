import { authorObject } from '../../blog/authors/author-object.js';
import { listAuthors } from '../../blog/authors/author-store.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { withRecentPosts } from '../blog/with-recent-posts.js';

/** GET /v2/authors/: every author of the account, oldest first (no pagination, no meta). */
export const listAuthorsEndpoint: Endpoint = {
  auth: 'read',
  async handle(call: ApiCall) {
    const rows = await listAuthors(call.ctx.store.db, call.caller.accountId);
    const data = await withRecentPosts(
      call,
      'authors',
      rows.map((row) => ({ id: row.id, object: authorObject(row) })),
    );
    return { body: { data } };
  },
};
