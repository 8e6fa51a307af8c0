import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { blogCached } from '../blog/blog-cached.js';
import { listTermsEndpoint, retrieveTermEndpoint } from '../blog/term-endpoints.js';

/** The categories endpoints (read only: categories are created by post writes, on first use). */
export function registerCategories(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/categories/', { GET: blogCached(listTermsEndpoint('categories')) });
  defineRoutes(app, ctx, '/v2/categories/:slug/', { GET: blogCached(retrieveTermEndpoint('categories')) });
}
