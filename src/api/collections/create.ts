import { writeEntries } from '../../content/write/write-entry.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { errors } from '../../http/errors.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, fieldsList, optionalStatus, optionalString } from '../write/body.js';
import { splitLocales, writeLocale } from '../write/locale-fields.js';

/**
 * POST /v2/content/ (and /v2/content/<key>/): one new item per element of `fields`, all in one
 * transaction. The key comes from the path or the body (they must agree).
 */
export const createCollectionItems: Endpoint = {
  auth: 'write',
  async handle({ ctx, schema, query, request, params }: ApiCall) {
    const body = bodyObject(request.body, ['key', 'status', 'fields']);
    const bodyKey = optionalString(body, 'key');
    const status = optionalStatus(body);
    const list = fieldsList(body);
    const locale = writeLocale(query, schema);
    const pathKey = params.keys;
    if (pathKey !== undefined && bodyKey !== undefined && bodyKey !== pathKey) {
      throw errors.validation({ key: [`The key "${bodyKey}" differs from the collection in the URL, "${pathKey}".`] });
    }
    const key = pathKey ?? bodyKey;
    if (key === undefined) throw errors.validation({ key: ['This field is required.'] });
    const type = schema.byKey.get(`collection:${key}`);
    if (!type) throw errors.collectionNotFound();
    const writes = list.map((fields) => ({
      type, intent: 'create' as const, status, ...splitLocales(fields, type, schema, locale), mode: { partial: false, requireAll: false },
    }));
    await writeEntries(ctx.store.db, schema, writes, { ingestMedia: ctx.ingestMedia });
    return ACCEPTED;
  },
};
