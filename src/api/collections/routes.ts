import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { createCollectionItems } from './create.js';
import { deleteCollectionItem } from './delete.js';
import { listCollectionItems, listCollectionsLegacy } from './list.js';
import { retrieveCollectionItem } from './retrieve.js';
import { patchCollectionItem, replaceCollectionItem } from './update.js';

export function registerCollections(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/content/', { GET: listCollectionsLegacy, POST: createCollectionItems });
  defineRoutes(app, ctx, '/v2/content/:keys/', { GET: listCollectionItems, POST: createCollectionItems });
  defineRoutes(app, ctx, '/v2/content/:key/:id/', {
    GET: retrieveCollectionItem,
    PUT: replaceCollectionItem,
    PATCH: patchCollectionItem,
    DELETE: deleteCollectionItem,
  });
}
