import type { ContentType } from '../../content/account-schema.js';
import { writeEntry } from '../../content/write/write-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../http/errors.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalStatus, optionalString } from '../write/body.js';
import { splitLocales, writeLocale } from '../write/locale-fields.js';

export const PAGE_BODY_KEYS = ['title', 'slug', 'page_type', 'page-type', 'status', 'fields'] as const;

/** POST /v2/pages/: creates a page of a page type, or a single page (`page_type` `*` or absent). */
export const createPage: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, request }: ApiCall) {
    const body = bodyObject(request.body, PAGE_BODY_KEYS);
    const title = optionalString(body, 'title');
    const slug = optionalString(body, 'slug');
    const typeKey = optionalString(body, 'page_type') ?? optionalString(body, 'page-type') ?? '*';
    const status = optionalStatus(body);
    const fields = fieldsObject(body);
    const locale = writeLocale(query, schema);

    const missing: Record<string, string[]> = {};
    if (!title) missing.title = ['This field is required.'];
    if (!slug) missing.slug = ['This field is required.'];
    let type: ContentType | undefined;
    if (typeKey === '*') {
      type = slug ? schema.byKey.get(`single_page:${slug}`) : undefined;
      if (slug && !type) missing.slug = ['No single page is defined with this slug.'];
    } else {
      type = schema.byKey.get(`page_type:${typeKey}`);
      if (!type) missing.page_type = [`Unknown page type "${typeKey}".`];
    }
    // Without a type the fields cannot be checked; otherwise every failing field is reported at once.
    if (!type) throw errors.validation(missing);

    const split = splitLocales(fields, type, schema, locale);
    await writeEntry(ctx.store.db, schema, {
      type, intent: 'create', slug, name: title, status, ...split, mode: { partial: false, requireAll: true }, errors: missing,
    }, { ingestMedia: ctx.ingestMedia });
    return ACCEPTED;
  },
};
