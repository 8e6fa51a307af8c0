import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { errors, libraryErrors } from '../../errors/index.js';
import { STATUS_OF } from '../../http/error-status.js';
import { deleteMedia } from '../../media/library/delete-media.js';
import { describeMedia } from '../../media/library/describe-media.js';
import { parseDescription } from '../../media/library/description-input.js';
import { findUses } from '../../media/library/find-uses.js';
import { mediaItem } from '../../media/library/media-item.js';
import { findAccountMedia } from '../../media/media-table.js';
import { forceFlag } from '../../params/query-bool.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { sessionActor } from '../session-actor.js';
import { MEDIA_BASE, mediaName } from './media-path.js';

/** One file of the library: read (viewer), describe and delete (editor), and where it is used (viewer). */
export function registerMediaFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const urls = () => ({ publicUrl: ctx.config.publicUrl, mediaPublicUrl: ctx.config.mediaPublicUrl });
  /** The file of the path, listed by the call's account, or the 404. */
  const listed = async (call: AccountCall) => {
    const row = await findAccountMedia(ctx.store.db, call.account.id, mediaName(call.params));
    if (!row) throw errors.notFound();
    return row;
  };
  adminRoutes(app, ctx, `${MEDIA_BASE}/:name`, {
    GET: {
      access: 'viewer',
      handle: async (call) => ({ body: { data: mediaItem(await listed(call), urls()) } }),
    },
    PATCH: {
      access: 'editor',
      async handle(call) {
        const { account, params, request } = call;
        const name = mediaName(params);
        const patch = parseDescription(request.body);
        const options = { now: ctx.clock(), urls: urls(), actor: sessionActor(call) };
        return { body: { data: await describeMedia(ctx.store.db, account.id, name, patch, options) } };
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        const name = mediaName(call.params);
        const options = { force: forceFlag(call.query.force), urls: urls(), actor: sessionActor(call) };
        const outcome = await deleteMedia(ctx.store, ctx.media, await call.schema(), name, options);
        if (outcome.deleted) return null;
        // The refusal carries where the file is used, for the dashboard to show before forcing.
        const refusal = libraryErrors.mediaInUse(outcome.uses.count);
        const body = { detail: refusal.detail, code: refusal.code, uses: outcome.uses.uses };
        return { status: STATUS_OF[refusal.code], body };
      },
    },
  });
  adminRoutes(app, ctx, `${MEDIA_BASE}/:name/uses`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const row = await listed(call);
        const uses = await findUses(ctx.store.db, await call.schema(), row.name, urls());
        return { body: { data: uses.uses } };
      },
    },
  });
}
