import { findPage } from '../../content/find-page.js';
import { writeEntry } from '../../content/write/write-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../http/errors.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsObject, optionalStatus, optionalString } from '../write/body.js';
import { splitLocales, writeLocale } from '../write/locale-fields.js';
import { PAGE_BODY_KEYS } from './create.js';

/**
 * PATCH and PUT /v2/pages/<type>/<slug>/: only the fields sent change (PUT too, as in ButterCMS).
 * `*` finds the page of any page type by its slug.
 */
export const updatePage: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, request, params }: ApiCall) {
    const body = bodyObject(request.body, PAGE_BODY_KEYS);
    const title = optionalString(body, 'title');
    const newSlug = optionalString(body, 'slug');
    optionalString(body, 'page_type');
    optionalString(body, 'page-type');
    const status = optionalStatus(body);
    const fields = fieldsObject(body);
    const locale = writeLocale(query, schema);
    const { type } = await findPage(ctx.store.db, schema, params.type!, params.slug!);
    if (type.kind === 'single_page' && newSlug !== undefined && newSlug !== type.key) {
      throw errors.validation({ slug: ['A single page keeps the slug its schema gives it.'] });
    }
    const split = splitLocales(fields, type, schema, locale);
    await writeEntry(ctx.store.db, schema, {
      type, intent: 'update', slug: params.slug, newSlug, name: title, status, ...split, mode: { partial: true, requireAll: false },
    }, { ingestMedia: ctx.ingestMedia });
    return ACCEPTED;
  },
};
