import type { ApiCall } from '../../http/define-routes.js';
import { itemSubject, pageSubject, postSubject, type VersionSubject } from '../../history/versions/version-subject.js';
import type { VersionsContext } from '../../history/versions/versions-context.js';
import type { SubjectKind } from '../../store/history-tables.js';

// What the /v2 version endpoints share: the subject their path names, and what reading needs.

/** The page (`:type/:slug`), item (`:key/:id`) or post (`:slug`) of the path, or its read's 404. */
export function pathSubject(call: ApiCall, kind: SubjectKind): Promise<VersionSubject> {
  const { ctx, schema, params } = call;
  if (kind === 'page') return pageSubject(ctx.store.db, schema, params.type!, params.slug!);
  if (kind === 'item') return itemSubject(ctx.store.db, schema, params.key!, params.id);
  return postSubject(ctx.store.db, schema.accountId, params.slug!);
}

/** The store, the caller's schema and the URLs media and references read back under. */
export function versionsContext(call: ApiCall): VersionsContext {
  return { db: call.ctx.store.db, schema: call.schema, urls: call.ctx.config };
}
