import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../http/api-error.js';
import type { AppContext } from '../../http/context.js';
import { mediaErrors } from '../../media/media-error.js';
import { sniffType } from '../../media/sniff-type.js';
import { isoMicro } from '../../time.js';
import { adminRoutes } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';

/**
 * The media library (docs/admin-api.md): upload (editor; the raw file as the body, its type
 * decided from its bytes, never from Content-Type) and browse (viewer). Files are stored once on
 * disk whatever the account; the `media` table says which accounts uploaded which.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Encapsulated: only these routes read their body as bytes, up to the media size limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.mediaMaxBytes }, (_request, body, done) => done(null, body));
    adminRoutes(scope, ctx, '/admin/api/accounts/:accountId/media', {
      GET: {
        access: 'viewer',
        async handle({ account, query }) {
          const pagination = parsePagination(query);
          const base = ctx.store.db.selectFrom('media').where('account_id', '=', account.id);
          const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
          const count = Number(counted?.n ?? 0);
          const rows = pagination.offset < count
            ? await base.selectAll().orderBy('created', 'desc').orderBy('name').limit(pagination.limit).offset(pagination.offset).execute()
            : [];
          const data = rows.map((r) => ({ url: ctx.media.urlFor(r.name), name: r.name, size: r.size, mime: r.mime, created: r.created }));
          return { body: { meta: listMeta(pagination, count), data } };
        },
      },
      POST: {
        access: 'editor',
        async handle({ account, request }) {
          const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          if (bytes.length > ctx.config.mediaMaxBytes) throw new ApiError(413, 'media_too_large', mediaErrors.tooLarge(ctx.config.mediaMaxBytes).message);
          const type = sniffType(bytes);
          if (!type) throw new ApiError(400, 'media_type_not_allowed', mediaErrors.typeNotAllowed().message);
          const stored = await ctx.media.save(bytes, type.ext, type.mime);
          const name = `${stored.hash}.${type.ext}`;
          await ctx.store.db
            .insertInto('media')
            .values({ account_id: account.id, name, mime: type.mime, size: bytes.length, created: isoMicro(ctx.clock()) })
            .onConflict((oc) => oc.columns(['account_id', 'name']).doNothing())
            .execute();
          return { status: 201, body: { data: { url: stored.url, name, size: bytes.length, mime: type.mime } } };
        },
      },
    });
  });
}
