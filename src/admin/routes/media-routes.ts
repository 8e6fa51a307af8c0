import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { adminErrors, errors } from '../../errors/index.js';
import { MediaError } from '../../media/media-error.js';
import { listAccountMedia } from '../../media/media-table.js';
import { uploadBody } from '../../media/read-body.js';
import { uploadMedia } from '../../media/upload-media.js';
import { isoMicro } from '../../time.js';
import { adminRoutes } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';

/**
 * The media library (docs/admin-api.md): upload (editor; the raw file as the body, its type
 * decided from its bytes, never from Content-Type) and browse (viewer). Files are stored once on
 * disk whatever the account; the `media` table says which accounts uploaded which.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Encapsulated: only these routes leave their body unread, for the upload to stream it to disk
  // (never held whole in memory) up to MEDIA_MAX_BYTES.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    adminRoutes(scope, ctx, '/admin/api/accounts/:accountId/media', {
      GET: {
        access: 'viewer',
        async handle({ account, query }) {
          const pagination = parsePagination(query);
          const { rows, count } = await listAccountMedia(ctx.store.db, account.id, pagination);
          const data = rows.map((r) => ({
            url: ctx.media.urlFor(r.name),
            name: r.name,
            size: r.size,
            mime: r.mime,
            created: r.created,
          }));
          return { body: { meta: listMeta(pagination, count), data } };
        },
      },
      POST: {
        access: 'editor',
        async handle({ account, request }) {
          try {
            const body = uploadBody(request.raw, ctx.config.mediaMaxBytes);
            const data = await uploadMedia(ctx.store.db, ctx.media, account.id, body, isoMicro(ctx.clock()));
            return { status: 201, body: { data } };
          } catch (error) {
            throw refusedUpload(error, request);
          }
        },
      },
    });
  });
}

/**
 * An upload's refusal as the answer (the error handler drains a body left part-read): over
 * MEDIA_MAX_BYTES the 413 of every body over its limit, a type Ghee does not store a 400 saying
 * so, a body its client broke off a 400 nobody reads; anything else (a full disk) as it is.
 */
function refusedUpload(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof MediaError && error.code === 'too_large') return errors.bodyTooLarge();
  if (error instanceof MediaError && error.code === 'type_not_allowed') return adminErrors.mediaTypeNotAllowed();
  return request.raw.errored ? errors.malformedRequest() : error;
}
