import type { FastifyInstance } from 'fastify';
import { bodyObject } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { parseExpiresIn } from '../../preview/expires-in.js';
import { mintPreviewToken } from '../../preview/mint-preview-token.js';
import { adminRoutes } from '../admin-routes.js';

/**
 * The dashboard's Preview button: a preview token of the account (editor or more), as
 * `POST /v2/preview-tokens/` makes them (docs/admin-api.md, Preview tokens). It changes no
 * content, so it leaves no audit record; the token is in the answer only.
 */
export function registerPreviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/accounts/:accountId/preview-tokens', {
    POST: {
      access: 'editor',
      async handle({ request, account }) {
        const body = bodyObject(request.body, ['expires_in']);
        const expiresIn = parseExpiresIn(body.expires_in, ctx.config.previewTokenTtl);
        return {
          status: 201,
          body: { data: await mintPreviewToken(ctx.store.db, account.id, expiresIn, ctx.clock()) },
        };
      },
    },
  });
}
