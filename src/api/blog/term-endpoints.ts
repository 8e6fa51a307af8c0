import { listTerms, termBySlug, type TermKind } from '../../blog/terms/term-store.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../errors/index.js';
import { withRecentPosts } from './with-recent-posts.js';

/** GET /v2/categories/ or /v2/tags/: every one of the account, by slug, as `{name, slug}`. */
export function listTermsEndpoint(kind: TermKind): Endpoint {
  return {
    auth: 'read',
    async handle(call: ApiCall) {
      const rows = await listTerms(call.ctx.store.db, kind, call.caller.accountId);
      const data = await withRecentPosts(
        call,
        kind,
        rows.map((row) => ({ id: row.id, object: { name: row.name, slug: row.slug } })),
      );
      return { body: { data } };
    },
  };
}

/** GET /v2/categories/<slug>/ or /v2/tags/<slug>/; 404 `Not found` for an unknown slug. */
export function retrieveTermEndpoint(kind: TermKind): Endpoint {
  return {
    auth: 'read',
    async handle(call: ApiCall) {
      const row = await termBySlug(call.ctx.store.db, kind, call.caller.accountId, call.params.slug!);
      if (!row) throw errors.notFound();
      const [data] = await withRecentPosts(call, kind, [{ id: row.id, object: { name: row.name, slug: row.slug } }]);
      return { body: { data } };
    },
  };
}
