import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.js';
import { registerAudit } from './audit/routes.js';
import { registerAuthors } from './authors/routes.js';
import { registerCategories } from './categories/routes.js';
import { registerCollections } from './collections/routes.js';
import { registerFeeds } from './feeds/routes.js';
import { registerPages } from './pages/routes.js';
import { registerPosts } from './posts/routes.js';
import { registerPreviewTokens } from './preview/routes.js';
import { registerTags } from './tags/routes.js';
import { registerTrash } from './trash/routes.js';
import { registerVersionRoutes } from './history/routes.js';

/** Registers every /v2 endpoint. */
export function registerV2(app: FastifyInstance, ctx: AppContext): void {
  registerPages(app, ctx);
  registerCollections(app, ctx);
  registerPosts(app, ctx);
  registerAuthors(app, ctx);
  registerCategories(app, ctx);
  registerTags(app, ctx);
  registerFeeds(app, ctx);
  registerAudit(app, ctx);
  registerTrash(app, ctx);
  registerVersionRoutes(app, ctx);
  registerPreviewTokens(app, ctx);
}
