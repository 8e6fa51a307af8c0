import { authorObject } from '../../blog/authors/author-object.js';
import { authorBySlug } from '../../blog/authors/author-store.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { withRecentPosts } from '../blog/with-recent-posts.js';

/** GET /v2/authors/<slug>/: one author; 404 `Not found` for an unknown slug. */
export const retrieveAuthor: Endpoint = {
  auth: 'read',
  async handle(call: ApiCall) {
    const row = await authorBySlug(call.ctx.store.db, call.caller.accountId, call.params.slug!);
    if (!row) throw errors.notFound();
    const [data] = await withRecentPosts(call, 'authors', [{ id: row.id, object: authorObject(row) }]);
    return { body: { data } };
  },
};
