import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { mintPreviewTokenEndpoint } from './mint.js';

/** Preview tokens (docs/api.md §13.4). */
export function registerPreviewTokens(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/preview-tokens/', { POST: mintPreviewTokenEndpoint });
}
