import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { listCollectionItems, listCollectionsLegacy } from './list.js';
import { retrieveCollectionItem } from './retrieve.js';

export function registerCollections(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/content/', { GET: listCollectionsLegacy });
  defineRoutes(app, ctx, '/v2/content/:keys/', { GET: listCollectionItems });
  defineRoutes(app, ctx, '/v2/content/:key/:id/', { GET: retrieveCollectionItem });
}
