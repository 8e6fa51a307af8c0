import { updatePage } from '../../content/write/page-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalString, writeTiming } from '../write/body.js';
import { PAGE_BODY_KEYS } from './create.js';

/**
 * PATCH and PUT /v2/pages/<type>/<slug>/: only the fields sent change (PUT too, as in ButterCMS).
 * `*` finds the page of any page type by its slug.
 */
export const updatePageEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, schema, query, request, params } = call;
    const body = bodyObject(request.body, PAGE_BODY_KEYS);
    const title = optionalString(body, 'title');
    const slug = optionalString(body, 'slug');
    // Accepted and ignored: a page keeps its type.
    optionalString(body, 'page_type');
    optionalString(body, 'page-type');
    const timing = writeTiming(body);
    const fields = fieldsObject(body);
    await updatePage(
      { db: ctx.store.db, schema, actor: callerActor(call), ingestMedia: ctx.ingestMedia, now: ctx.clock() },
      { type: params.type!, slug: params.slug! },
      { title, slug, ...timing, fields, locale: query.locale },
    );
    return ACCEPTED;
  },
};
