import { createItems } from '../../content/write/item-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsList, optionalString, TIMING_KEYS, writeTiming } from '../write/body.js';

/**
 * POST /v2/content/ (and /v2/content/<key>/): one new item per element of `fields`, all in one
 * transaction. The key comes from the path or the body (they must agree).
 */
export const createCollectionItems: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, schema, query, request, params } = call;
    const body = bodyObject(request.body, ['key', ...TIMING_KEYS, 'fields']);
    const bodyKey = optionalString(body, 'key');
    const timing = writeTiming(body);
    const items = fieldsList(body);
    await createItems(
      { db: ctx.store.db, schema, actor: callerActor(call), ingestMedia: ctx.ingestMedia, now: ctx.clock() },
      { pathKey: params.keys, bodyKey, ...timing, items, locale: query.locale },
    );
    return ACCEPTED;
  },
};
