import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { createPageEndpoint } from './create.js';
import { deletePageEndpoint } from './delete.js';
import { listPages } from './list.js';
import { retrievePage } from './retrieve.js';
import { searchPages } from './search.js';
import { updatePageEndpoint } from './update.js';

export function registerPages(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/pages/', { GET: listPages, POST: createPageEndpoint });
  defineRoutes(app, ctx, '/v2/pages/search/', { GET: searchPages });
  defineRoutes(app, ctx, '/v2/pages/:type/', { GET: listPages });
  defineRoutes(app, ctx, '/v2/pages/:type/:slug/', {
    GET: retrievePage,
    PATCH: updatePageEndpoint,
    PUT: updatePageEndpoint,
    DELETE: deletePageEndpoint,
  });
}
