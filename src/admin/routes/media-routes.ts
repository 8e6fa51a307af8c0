import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { registerMediaFileRoutes } from './media-file-routes.js';
import { registerMediaUploadRoutes } from './media-upload-routes.js';

/**
 * The media library (docs/admin-api.md, Media library): browse and upload (media-upload-routes.ts,
 * whose bodies stream to the store), and one file's description, uses, replacement and delete
 * (media-file-routes.ts). Viewers read; editors write. Files are stored once whatever the
 * account; the `media` table says which accounts list which, and how each describes them.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerMediaUploadRoutes(app, ctx);
  registerMediaFileRoutes(app, ctx);
}
