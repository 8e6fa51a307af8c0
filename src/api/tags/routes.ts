import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { blogCached } from '../blog/blog-cached.js';
import { listTermsEndpoint, retrieveTermEndpoint } from '../blog/term-endpoints.js';

/** The tags endpoints (read only: tags are created by post writes, on first use). */
export function registerTags(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/tags/', { GET: blogCached(listTermsEndpoint('tags')) });
  defineRoutes(app, ctx, '/v2/tags/:slug/', { GET: blogCached(retrieveTermEndpoint('tags')) });
}
