import type { FastifyInstance } from 'fastify';
import { isAdminApi } from '../http/admin-paths.js';
import type { AppContext } from '../http/context.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerScheduleRoutes } from './routes/schedule-routes.js';
import { registerHistoryRoutes } from './routes/history-routes.js';
import { registerInvitationRoutes } from './routes/invitation-routes.js';
import { registerItemRoutes } from './routes/item-routes.js';
import { registerLocaleRoutes } from './routes/locale-routes.js';
import { registerMediaRoutes } from './routes/media-routes.js';
import { registerPageRoutes } from './routes/page-routes.js';
import { registerPostRoutes } from './routes/post-routes.js';
import { registerPreviewRoutes } from './routes/preview-routes.js';
import { registerSchemaRoutes } from './routes/schema-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerSiteRoutes } from './routes/site-routes.js';
import { registerTermRoutes } from './routes/term-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerTrashRoutes } from './routes/trash-routes.js';
import { registerUsageRoutes } from './routes/usage-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { registerWebhookRoutes } from './routes/webhook-routes.js';

/** Registers the session-authenticated admin JSON API under /admin/api (docs/admin-api.md). */
export function registerAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request, reply) => {
    // Answers hold account data and CSRF tokens: never stored by browsers or proxies.
    if (isAdminApi(request.url)) reply.header('cache-control', 'no-store');
  });
  registerSessionRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerLocaleRoutes(app, ctx);
  registerSchemaRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  registerItemRoutes(app, ctx);
  registerPostRoutes(app, ctx);
  registerTermRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerUsageRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerSiteRoutes(app, ctx);
  registerHistoryRoutes(app, ctx);
  registerTrashRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
  registerPreviewRoutes(app, ctx);
}
