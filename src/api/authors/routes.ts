import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { blogCached } from '../blog/blog-cached.js';
import { listAuthorsEndpoint } from './list.js';
import { retrieveAuthor } from './retrieve.js';

/** The authors endpoints (read only: authors come from the CLI). */
export function registerAuthors(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/authors/', { GET: blogCached(listAuthorsEndpoint) });
  defineRoutes(app, ctx, '/v2/authors/:slug/', { GET: blogCached(retrieveAuthor) });
}
