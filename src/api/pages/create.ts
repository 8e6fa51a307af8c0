import { createPage } from '../../content/write/page-operations.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalString, TIMING_KEYS, writeTiming } from '../write/body.js';

export const PAGE_BODY_KEYS = ['title', 'slug', 'page_type', 'page-type', ...TIMING_KEYS, 'fields'] as const;

/** POST /v2/pages/: creates a page of a page type, or a single page (`page_type` `*` or absent). */
export const createPageEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const { ctx, schema, query, request } = call;
    const body = bodyObject(request.body, PAGE_BODY_KEYS);
    const title = optionalString(body, 'title');
    const slug = optionalString(body, 'slug');
    const pageType = optionalString(body, 'page_type') ?? optionalString(body, 'page-type') ?? '*';
    const timing = writeTiming(body);
    const fields = fieldsObject(body);
    await createPage(
      { db: ctx.store.db, schema, actor: callerActor(call), ingestMedia: ctx.ingestMedia, now: ctx.clock() },
      { title, slug, pageType, ...timing, fields, locale: query.locale },
      { requireAllFields: true },
    );
    return ACCEPTED;
  },
};
