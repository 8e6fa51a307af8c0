import type { FastifyInstance } from 'fastify';
import { bodyObject, fieldsObject, optionalStatus, optionalString } from '../../api/write/body.js';
import { splitLocales } from '../../api/write/locale-fields.js';
import type { ContentType } from '../../content/account-schema.js';
import { findPage } from '../../content/find-page.js';
import { Renderer } from '../../content/renderer.js';
import { deleteEntry } from '../../content/write/delete-entry.js';
import { writeEntry } from '../../content/write/write-entry.js';
import type { AppContext } from '../../http/context.js';
import { errors } from '../../http/errors.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { forced, listMeta, parseLevels, parsePagination, searchTerms, statusFilter } from '../content-params.js';
import { editableEntry, summarizeEntries } from '../ops/editable-entry.js';
import { adminLocale } from '../ops/find-entry-type.js';
import { latestRow, listLatest } from '../ops/list-latest.js';
import { unpublishEntry } from '../ops/unpublish-entry.js';

const BASE = '/admin/api/accounts/:accountId/pages';

/** The page types a list covers: one page type, `*` for the single pages, or all of both. */
function listedTypes(types: ContentType[], key: string | undefined): number[] {
  if (key === undefined || key === '') return types.filter((t) => t.kind === 'page_type' || t.kind === 'single_page').map((t) => t.id);
  if (key === '*') return types.filter((t) => t.kind === 'single_page').map((t) => t.id);
  const type = types.find((t) => t.kind === 'page_type' && t.key === key);
  if (!type) throw errors.pageNotFound();
  return [type.id];
}

/** The answer of every page endpoint: the page as its editor shows it, in the request's locale. */
async function readPage(call: AccountCall, type: ContentType, slug: string, status = 200) {
  const schema = await call.schema();
  const page = await editableEntry(call.ctx.store.db, schema, type, { slug }, adminLocale(schema, call.query), call.ctx.config.publicUrl);
  return { status, body: { data: page } };
}

/** The page of a `:type/:slug` path (`*`: a page of any type with that slug), the read's 404 or 403 when not one. */
async function pathPage(call: AccountCall) {
  const { type: typeKey, slug } = call.params as { type: string; slug: string };
  return { slug, ...(await findPage(call.ctx.store.db, await call.schema(), typeKey, slug)) };
}

/** Content > Pages: list, create, read, edit (draft or publish), unpublish, preview, delete. */
export function registerPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const schema = await call.schema();
        const pagination = parsePagination(call.query);
        const { rows, count } = await listLatest(ctx.store.db, ctx.store.dialect, {
          accountId: schema.accountId, typeIds: listedTypes([...schema.byId.values()], call.query.type),
          locale: adminLocale(schema, call.query), status: statusFilter(call.query), terms: searchTerms(call.query),
          order: 'updated', limit: pagination.limit, offset: pagination.offset,
        });
        return { body: { meta: listMeta(pagination, count), data: await summarizeEntries(ctx.store.db, schema, rows, ctx.config.publicUrl, false) } };
      },
    },
    POST: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        const body = bodyObject(call.request.body, ['title', 'slug', 'page_type', 'status', 'fields']);
        const [title, slug, typeKey, status] = [optionalString(body, 'title'), optionalString(body, 'slug'), optionalString(body, 'page_type') ?? '*', optionalStatus(body)];
        const missing: Record<string, string[]> = {};
        if (!title) missing.title = ['This field is required.'];
        if (!slug) missing.slug = ['This field is required.'];
        const type = typeKey === '*' ? schema.byKey.get(`single_page:${slug}`) : schema.byKey.get(`page_type:${typeKey}`);
        if (!type) (typeKey === '*' ? (missing.slug ??= ['No single page is defined with this slug.']) : (missing.page_type = [`Unknown page type "${typeKey}".`]));
        if (!type || Object.keys(missing).length) throw errors.validation(missing);
        const locale = adminLocale(schema, call.query);
        await writeEntry(ctx.store.db, schema, {
          type, intent: 'create', slug, name: title, status, ...splitLocales(fieldsObject(body), type, schema, locale), mode: { partial: false, requireAll: false },
        }, { ingestMedia: ctx.ingestMedia });
        return readPage(call, type, slug!, 201);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:type/:slug`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const { type, slug } = await pathPage(call);
        return readPage(call, type, slug);
      },
    },
    PUT: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        const body = bodyObject(call.request.body, ['title', 'slug', 'status', 'fields']);
        const [title, newSlug, status] = [optionalString(body, 'title'), optionalString(body, 'slug'), optionalStatus(body)];
        const locale = adminLocale(schema, call.query);
        const { type, slug } = await pathPage(call);
        if (type.kind === 'single_page' && newSlug !== undefined && newSlug !== type.key) {
          throw errors.validation({ slug: ['A single page keeps the slug its schema gives it.'] });
        }
        // Partial: only the fields sent change, so a form may send just what was edited.
        await writeEntry(ctx.store.db, schema, {
          type, intent: 'update', slug, newSlug, name: title, status, ...splitLocales(fieldsObject(body), type, schema, locale), mode: { partial: true, requireAll: false },
        }, { ingestMedia: ctx.ingestMedia });
        return readPage(call, type, newSlug ?? slug);
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        const force = forced(call.query);
        const { type, slug } = await pathPage(call);
        await deleteEntry(ctx.store.db, await call.schema(), type, { slug }, force);
        return null;
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:type/:slug/unpublish`, {
    POST: {
      access: 'editor',
      async handle(call) {
        const schema = await call.schema();
        // Without ?locale= the page goes off the air in every locale.
        const locale = call.query.locale === undefined ? null : adminLocale(schema, call.query);
        const { type, slug } = await pathPage(call);
        await unpublishEntry(ctx.store.db, schema, type, { slug }, locale);
        return readPage(call, type, slug);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:type/:slug/preview`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const schema = await call.schema();
        const scope = { accountId: schema.accountId, locale: adminLocale(schema, call.query), channel: 'latest' as const };
        const { type, slug } = await pathPage(call);
        const row = await latestRow(ctx.store.db, scope, type.id, { slug });
        if (!row) throw errors.pageNotFound();
        // What readers will see once it is published: the /v2 page object under preview=1.
        const [page] = await new Renderer(ctx.store.db, schema, scope, ctx.config).render([row], parseLevels(call.query));
        return { body: { data: page } };
      },
    },
  });
}
