import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { compareVersionsEndpoint } from './compare.js';
import { listVersionsEndpoint } from './list.js';
import { restoreVersionEndpoint } from './restore.js';
import { retrieveVersionEndpoint } from './retrieve.js';

/** Where each kind's versions live: under its /v2 path (`*` pages too, as elsewhere). */
const BASES: Record<SubjectKind, string> = {
  page: '/v2/pages/:type/:slug/versions/',
  item: '/v2/content/:key/:id/versions/',
  post: '/v2/posts/:slug/versions/',
};

/** The version history endpoints of pages, collection items and posts (docs/api.md §12.1). */
export function registerVersionRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [kind, base] of Object.entries(BASES) as [SubjectKind, string][]) {
    defineRoutes(app, ctx, base, { GET: listVersionsEndpoint(kind) });
    defineRoutes(app, ctx, `${base}:versionId/`, { GET: retrieveVersionEndpoint(kind) });
    defineRoutes(app, ctx, `${base}:versionId/compare/:otherId/`, { GET: compareVersionsEndpoint(kind) });
    defineRoutes(app, ctx, `${base}:versionId/restore/`, { POST: restoreVersionEndpoint(kind) });
  }
}
