import type { FastifyInstance } from 'fastify';
import { bodyObject, fieldsObject, optionalString, TIMING_KEYS, writeTiming } from '../../api/write/body.js';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { enabledLocale } from '../../content/enabled-locale.js';
import { findPage, pageTypeOf } from '../../content/find-page.js';
import { Renderer } from '../../content/renderer.js';
import { createPage, deletePage, updatePage, type PagePath } from '../../content/write/page-operations.js';
import type { WriteContext } from '../../content/write/write-context.js';
import type { AppContext } from '../../http/context.js';
import { errors } from '../../errors/index.js';
import { sessionActor } from '../session-actor.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { listMeta, parseLevels, parsePagination, searchTerms, statusFilter } from '../content-params.js';
import { editableEntry, summarizeEntries } from '../ops/editable-entry.js';
import { latestRow, listLatest } from '../ops/list-latest.js';
import { unpublishEntry } from '../ops/unpublish-entry.js';

const BASE = '/admin/api/accounts/:accountId/pages';

/** The page types a list covers: one page type, `*` for the single pages, or all of both. */
function listedTypes(schema: AccountSchema, key: string | undefined): number[] {
  const types = [...schema.byId.values()];
  if (key === undefined || key === '')
    return types.filter((t) => t.kind === 'page_type' || t.kind === 'single_page').map((t) => t.id);
  if (key === '*') return types.filter((t) => t.kind === 'single_page').map((t) => t.id);
  return [pageTypeOf(schema, key).id];
}

/** The answer of every page endpoint: the page as its editor shows it, in the request's locale. */
async function readPage(call: AccountCall, type: ContentType, slug: string, status = 200) {
  const schema = await call.schema();
  const page = await editableEntry(
    call.ctx.store.db,
    schema,
    type,
    { slug },
    enabledLocale(schema, call.query.locale),
    call.ctx.config.publicUrl,
  );
  return { status, body: { data: page } };
}

/** The `:type/:slug` of a page path (`*`: a page of any type). */
function pagePath(call: AccountCall): PagePath {
  return { type: call.params.type!, slug: call.params.slug! };
}

/** The page of the path, the read's 404 or 403 when not one. */
async function pathPage(call: AccountCall) {
  const { type, slug } = pagePath(call);
  return { slug, ...(await findPage(call.ctx.store.db, await call.schema(), type, slug)) };
}

/** What the page operations work with: the store, the account's schema, the media downloader. */
async function writeContext(call: AccountCall): Promise<WriteContext> {
  return {
    db: call.ctx.store.db,
    schema: await call.schema(),
    actor: sessionActor(call),
    now: call.ctx.clock(),
    ingestMedia: call.ctx.ingestMedia,
  };
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
          accountId: schema.accountId,
          typeIds: listedTypes(schema, call.query.type),
          locale: enabledLocale(schema, call.query.locale),
          status: statusFilter(call.query),
          terms: searchTerms(call.query),
          order: 'updated',
          limit: pagination.limit,
          offset: pagination.offset,
        });
        return {
          body: {
            meta: listMeta(pagination, count),
            data: await summarizeEntries(ctx.store.db, schema, rows, ctx.config.publicUrl, false),
          },
        };
      },
    },
    POST: {
      access: 'editor',
      async handle(call) {
        const body = bodyObject(call.request.body, ['title', 'slug', 'page_type', ...TIMING_KEYS, 'fields']);
        const [title, slug, pageType, timing] = [
          optionalString(body, 'title'),
          optionalString(body, 'slug'),
          optionalString(body, 'page_type') ?? '*',
          writeTiming(body),
        ];
        // Fields left out are created empty: the editor fills them in later.
        const page = await createPage(
          await writeContext(call),
          { title, slug, pageType, ...timing, fields: fieldsObject(body), locale: call.query.locale },
          { requireAllFields: false },
        );
        return readPage(call, page.type, page.slug, 201);
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
        const body = bodyObject(call.request.body, ['title', 'slug', ...TIMING_KEYS, 'fields']);
        const [title, slug, timing] = [optionalString(body, 'title'), optionalString(body, 'slug'), writeTiming(body)];
        // Partial: only the fields sent change, so a form may send just what was edited.
        const page = await updatePage(await writeContext(call), pagePath(call), {
          title,
          slug,
          ...timing,
          fields: fieldsObject(body),
          locale: call.query.locale,
        });
        return readPage(call, page.type, page.slug);
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        await deletePage(await writeContext(call), pagePath(call), call.query.force);
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
        const locale = call.query.locale === undefined ? null : enabledLocale(schema, call.query.locale);
        const { type, slug } = await pathPage(call);
        await unpublishEntry(ctx.store.db, schema, type, { slug }, locale, sessionActor(call), ctx.clock());
        return readPage(call, type, slug);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:type/:slug/preview`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const schema = await call.schema();
        const scope = {
          accountId: schema.accountId,
          locale: enabledLocale(schema, call.query.locale),
          channel: 'latest' as const,
        };
        const { type, slug } = await pathPage(call);
        const row = await latestRow(ctx.store.db, scope, type.id, { slug });
        if (!row) throw errors.pageNotFound();
        // What readers will see once it is published: the /v2 page object under preview=1.
        const [page] = await new Renderer(ctx.store.db, schema, scope, ctx.config).render(
          [row],
          parseLevels(call.query),
        );
        return { body: { data: page } };
      },
    },
  });
}
