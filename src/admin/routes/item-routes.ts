import type { FastifyInstance } from 'fastify';
import { bodyObject, fieldsObject, TIMING_KEYS, writeTiming } from '../../api/write/body.js';
import { enabledLocale } from '../../content/enabled-locale.js';
import { collectionOf, itemTarget } from '../../content/find-item.js';
import {
  createItems,
  deleteItem,
  updateItem,
  type ItemInput,
  type ItemPath,
} from '../../content/write/item-operations.js';
import type { WriteContext } from '../../content/write/write-context.js';
import type { AppContext } from '../../http/context.js';
import { sessionActor } from '../session-actor.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { listMeta, parsePagination, statusFilter } from '../content-params.js';
import { editableEntry, summarizeEntries } from '../ops/editable-entry.js';
import { listLatest } from '../ops/list-latest.js';
import { unpublishEntry } from '../ops/unpublish-entry.js';

const BASE = '/admin/api/accounts/:accountId/items/:key';

/** The answer of every item endpoint: the item as its editor shows it, in the request's locale. */
async function readItem(call: AccountCall, id: number, status = 200) {
  const schema = await call.schema();
  const type = collectionOf(schema, call.params.key!);
  const item = await editableEntry(
    call.ctx.store.db,
    schema,
    type,
    { id },
    enabledLocale(schema, call.query.locale),
    call.ctx.config.publicUrl,
  );
  return { status, body: { data: item } };
}

/** The `:key/:id` of an item path. */
function itemPath(call: AccountCall): ItemPath {
  return { key: call.params.key!, id: call.params.id };
}

/** The body of an item write, `status` and flat `fields` (or fields keyed by locale), with `?locale=`. */
function itemInput(call: AccountCall): ItemInput {
  const body = bodyObject(call.request.body, [...TIMING_KEYS, 'fields']);
  return { ...writeTiming(body), fields: fieldsObject(body), locale: call.query.locale };
}

/** What the item operations work with: the store, the account's schema, the media downloader. */
async function writeContext(call: AccountCall): Promise<WriteContext> {
  return {
    db: call.ctx.store.db,
    schema: await call.schema(),
    actor: sessionActor(call),
    now: call.ctx.clock(),
    ingestMedia: call.ctx.ingestMedia,
  };
}

/** Content > Collections: a paged table with values, create, read, edit (partial), unpublish, delete. */
export function registerItemRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const schema = await call.schema();
        const type = collectionOf(schema, call.params.key!);
        const pagination = parsePagination(call.query);
        const { rows, count } = await listLatest(ctx.store.db, ctx.store.dialect, {
          accountId: schema.accountId,
          typeIds: [type.id],
          locale: enabledLocale(schema, call.query.locale),
          status: statusFilter(call.query),
          order: 'id',
          limit: pagination.limit,
          offset: pagination.offset,
        });
        return {
          body: {
            meta: listMeta(pagination, count),
            data: await summarizeEntries(ctx.store.db, schema, rows, ctx.config.publicUrl, true),
          },
        };
      },
    },
    POST: {
      access: 'editor',
      async handle(call) {
        const { fields, ...input } = itemInput(call);
        const { ids } = await createItems(await writeContext(call), {
          ...input,
          pathKey: call.params.key!,
          items: [fields],
        });
        return readItem(call, ids[0]!, 201);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:id`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const { id } = itemTarget(await call.schema(), call.params.key!, call.params.id);
        return readItem(call, id);
      },
    },
    PUT: {
      access: 'editor',
      async handle(call) {
        // Partial, as for pages: only the fields sent change.
        const { id } = await updateItem(await writeContext(call), itemPath(call), itemInput(call), { partial: true });
        return readItem(call, id);
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        await deleteItem(await writeContext(call), itemPath(call), call.query.force);
        return null;
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:id/unpublish`, {
    POST: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        const { type, id } = itemTarget(schema, call.params.key!, call.params.id);
        const locale = call.query.locale === undefined ? null : enabledLocale(schema, call.query.locale);
        await unpublishEntry(ctx.store.db, schema, type, { id }, locale, sessionActor(call), ctx.clock());
        return readItem(call, id);
      },
    },
  });
}
