import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { libraryErrors } from '../../errors/index.js';
import { parseMediaFilter } from '../../media/library/media-filter.js';
import { mediaItem } from '../../media/library/media-item.js';
import { replaceMedia } from '../../media/library/replace-media.js';
import { searchMedia } from '../../media/library/search-media.js';
import { uploadFiles } from '../../media/library/upload-files.js';
import { uploadBody } from '../../media/read-body.js';
import { uploadMedia } from '../../media/upload-media.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { sessionActor } from '../session-actor.js';
import { listMeta, parsePagination } from '../content-params.js';
import { multipartFiles, refusedUpload } from './media-multipart.js';
import { MEDIA_BASE, mediaName } from './media-path.js';

/**
 * The library's list (viewer) and the endpoints that take files (editor): uploads, several at
 * once as multipart/form-data or one as the raw body, and a file's replacement.
 */
export function registerMediaUploadRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Encapsulated: only these routes leave their body unread, for the upload to stream it to the
  // store (never held whole in memory) up to MEDIA_MAX_BYTES per file.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    await scope.register(multipart);
    const urls = () => ({ publicUrl: ctx.config.publicUrl, mediaPublicUrl: ctx.config.mediaPublicUrl });
    const options = (call: AccountCall) => ({ now: ctx.clock(), urls: urls(), actor: sessionActor(call) });
    adminRoutes(scope, ctx, MEDIA_BASE, {
      GET: {
        access: 'viewer',
        async handle({ account, query }) {
          const pagination = parsePagination(query);
          const search = { ...parseMediaFilter(query), limit: pagination.limit, offset: pagination.offset };
          const { rows, count } = await searchMedia(ctx.store.db, account.id, search);
          const data = rows.map((row) => mediaItem(row, urls()));
          return { body: { meta: listMeta(pagination, count), data } };
        },
      },
      POST: {
        access: 'editor',
        async handle(call) {
          const { account, request } = call;
          const maxBytes = ctx.config.mediaMaxBytes;
          try {
            if (!request.isMultipart()) {
              // The raw file as the body: one file, without a name (kept for older clients).
              const upload = { fileName: '', chunks: uploadBody(request.raw, maxBytes) };
              return {
                status: 201,
                body: { data: await uploadMedia(ctx.store.db, ctx.media, account.id, upload, options(call)) },
              };
            }
            const files = multipartFiles(request, maxBytes);
            return {
              status: 201,
              body: { data: await uploadFiles(ctx.store.db, ctx.media, account.id, files, options(call)) },
            };
          } catch (error) {
            throw refusedUpload(error, request);
          }
        },
      },
    });
    adminRoutes(scope, ctx, `${MEDIA_BASE}/:name/replace`, {
      POST: {
        access: 'editor',
        async handle(call) {
          const name = mediaName(call.params);
          if (!call.request.isMultipart()) throw libraryErrors.oneFileToReplace();
          const schema = await call.schema();
          try {
            const files = multipartFiles(call.request, ctx.config.mediaMaxBytes);
            return { body: { data: await replaceMedia(ctx.store, ctx.media, schema, name, files, options(call)) } };
          } catch (error) {
            throw refusedUpload(error, call.request);
          }
        },
      },
    });
  });
}
