import type { FastifyInstance } from 'fastify';
import { bodyObject, fieldsObject, optionalStatus } from '../../api/write/body.js';
import { splitLocales } from '../../api/write/locale-fields.js';
import { deleteEntry } from '../../content/write/delete-entry.js';
import { writeEntry } from '../../content/write/write-entry.js';
import type { AppContext } from '../../http/context.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { forced, listMeta, parsePagination, statusFilter } from '../content-params.js';
import { editableEntry, summarizeEntries } from '../ops/editable-entry.js';
import { adminLocale, collectionType, itemId } from '../ops/find-entry-type.js';
import { listLatest } from '../ops/list-latest.js';
import { unpublishEntry } from '../ops/unpublish-entry.js';

const BASE = '/admin/api/accounts/:accountId/items/:key';

/** The answer of every item endpoint: the item as its editor shows it, in the request's locale. */
async function readItem(call: AccountCall, id: number, status = 200) {
  const schema = await call.schema();
  const type = collectionType(schema, call.params.key!);
  const item = await editableEntry(call.ctx.store.db, schema, type, { id }, adminLocale(schema, call.query), call.ctx.config.publicUrl);
  return { status, body: { data: item } };
}

/** The body of an item write: `status` and flat `fields` (or fields keyed by locale). */
async function itemWrite(call: AccountCall) {
  const schema = await call.schema();
  const type = collectionType(schema, call.params.key!);
  const body = bodyObject(call.request.body, ['status', 'fields']);
  const status = optionalStatus(body);
  return { schema, type, status, ...splitLocales(fieldsObject(body), type, schema, adminLocale(schema, call.query)) };
}

/** Content > Collections: a paged table with values, create, read, edit (partial), unpublish, delete. */
export function registerItemRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const schema = await call.schema();
        const type = collectionType(schema, call.params.key!);
        const pagination = parsePagination(call.query);
        const { rows, count } = await listLatest(ctx.store.db, ctx.store.dialect, {
          accountId: schema.accountId, typeIds: [type.id], locale: adminLocale(schema, call.query), status: statusFilter(call.query),
          order: 'id', limit: pagination.limit, offset: pagination.offset,
        });
        return { body: { meta: listMeta(pagination, count), data: await summarizeEntries(ctx.store.db, schema, rows, ctx.config.publicUrl, true) } };
      },
    },
    POST: {
      access: 'editor',
      async handle(call) {
        const { schema, ...w } = await itemWrite(call);
        const { id } = await writeEntry(ctx.store.db, schema, { ...w, intent: 'create', mode: { partial: false, requireAll: false } }, { ingestMedia: ctx.ingestMedia });
        return readItem(call, id, 201);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:id`, {
    GET: { access: 'viewer', handle: (call) => readItem(call, itemId(call.params.id)) },
    PUT: {
      access: 'editor',
      async handle(call) {
        const { schema, ...w } = await itemWrite(call);
        const id = itemId(call.params.id);
        // Partial, as for pages: only the fields sent change.
        await writeEntry(ctx.store.db, schema, { ...w, intent: 'update', id, mode: { partial: true, requireAll: false } }, { ingestMedia: ctx.ingestMedia });
        return readItem(call, id);
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        const type = collectionType(schema, call.params.key!);
        await deleteEntry(ctx.store.db, schema, type, { id: itemId(call.params.id) }, forced(call.query));
        return null;
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:id/unpublish`, {
    POST: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        const type = collectionType(schema, call.params.key!);
        const id = itemId(call.params.id);
        const locale = call.query.locale === undefined ? null : adminLocale(schema, call.query);
        await unpublishEntry(ctx.store.db, schema, type, { id }, locale);
        return readItem(call, id);
      },
    },
  });
}
