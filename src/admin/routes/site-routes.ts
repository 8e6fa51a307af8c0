import type { FastifyInstance } from 'fastify';
import { readSiteSettings, setSiteSettings, SiteSettingsError } from '../../accounts/site-settings.js';
import { bodyObject } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { errors, adminErrors } from '../../errors/index.js';
import { adminRoutes } from '../admin-routes.js';
import { sessionActor } from '../session-actor.js';

/**
 * Settings > Site: GET (viewer) and PUT (admin) /admin/api/accounts/:id/settings, the site's base
 * URL and the feeds' title. PUT changes only the keys sent; null or "" unsets one.
 */
export function registerSiteRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/settings', {
    GET: {
      access: 'viewer',
      handle: async ({ account }) => ({ body: { data: await readSiteSettings(ctx.store.db, account.id) } }),
    },
    PUT: {
      access: 'admin',
      async handle(call) {
        const { request, account } = call;
        const body = bodyObject(request.body, ['site_url', 'feed_title']);
        try {
          const settings = await setSiteSettings(ctx.store.db, account.id, body, sessionActor(call));
          if (!settings) throw adminErrors.notFound();
          return { body: { data: settings } };
        } catch (error) {
          if (error instanceof SiteSettingsError) throw errors.validation(error.fields);
          throw error;
        }
      },
    },
  });
}
