import type { FastifyInstance } from 'fastify';
import { bodyObject } from '../../api/write/body.js';
import { authorObject } from '../../blog/authors/author-object.js';
import { authorsById, listAuthors } from '../../blog/authors/author-store.js';
import { listLatestPosts, type EffectiveStatus } from '../../blog/list-latest-posts.js';
import { effectiveState, postBySlug, type BlogScope } from '../../blog/post-rows.js';
import { renderPosts } from '../../blog/render-posts.js';
import { deletePost } from '../../blog/write/delete-post.js';
import { createPost, updatePost } from '../../blog/write/post-operations.js';
import { POST_BODY_KEYS } from '../../blog/write/post-input.js';
import type { AppContext } from '../../http/context.js';
import { adminErrors, errors } from '../../errors/index.js';
import { isoMicro } from '../../time.js';
import { sessionActor } from '../session-actor.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { listMeta, parsePagination, searchTerms } from '../content-params.js';

const BASE = '/admin/api/accounts/:accountId';

/** `status=draft|published|scheduled` on posts (as readers see it now); absent lists all. */
function postStatusFilter(query: Record<string, string>): EffectiveStatus | undefined {
  const status = query.status;
  if (status === undefined || status === '') return undefined;
  if (status !== 'draft' && status !== 'published' && status !== 'scheduled') throw adminErrors.invalidStatusFilter();
  return status;
}

/** The scope of the dashboard: every post's newest version, at the request's instant. */
function latestScope(call: AccountCall): BlogScope {
  return { accountId: call.account.id, channel: 'latest', now: isoMicro(call.ctx.clock()) };
}

/** A post for its editor: the `/v2` post object of its newest version (categories and tags by name). */
async function readPost(call: AccountCall, slug: string, status = 200) {
  const scope = latestScope(call);
  const row = await postBySlug(call.ctx.store.db, scope, slug);
  if (!row) throw errors.postNotFound();
  // The post's own alt text, not the library's: saving the form must not copy that into the post.
  const options = { publicUrl: call.ctx.config.publicUrl, libraryAlt: false };
  const [post] = await renderPosts(call.ctx.store.db, scope, [row], options);
  // The id too: a blog preview URL may name the post by it (docs/api.md §13.5).
  return { status, body: { data: { id: row.id, ...post } } };
}

/** Blog posts (newest version of each, for the dashboard) and the account's authors. */
export function registerPostRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, `${BASE}/posts`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const scope = latestScope(call);
        const pagination = parsePagination(call.query);
        const status = postStatusFilter(call.query);
        const terms = call.query.query === '' ? undefined : searchTerms(call.query);
        const { rows, count } = await listLatestPosts(ctx.store.db, ctx.store.dialect, scope, {
          status,
          terms,
          limit: pagination.limit,
          offset: pagination.offset,
        });
        const authors = await authorsById(
          ctx.store.db,
          rows.map((r) => r.author_id),
        );
        const data = rows.map((row) => {
          const state = effectiveState(row, scope.now);
          const author = authors.get(row.author_id)!;
          return {
            id: row.id,
            title: row.title,
            slug: row.slug,
            status: state.status,
            published: state.published,
            scheduled: state.scheduled,
            unpublish_at: row.unpublish_at,
            updated: row.updated,
            author: {
              slug: author.slug,
              first_name: author.first_name,
              last_name: author.last_name,
              email: author.email,
            },
          };
        });
        return { body: { meta: listMeta(pagination, count), data } };
      },
    },
    POST: {
      access: 'editor',
      async handle(call) {
        const post = await createPost(ctx.store.db, call.account.id, bodyObject(call.request.body, POST_BODY_KEYS), {
          now: ctx.clock(),
          actor: sessionActor(call),
          ingestMedia: ctx.ingestMedia,
        });
        return readPost(call, post.slug, 201);
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/posts/:slug`, {
    GET: { access: 'viewer', handle: (call) => readPost(call, call.params.slug!) },
    PUT: {
      access: 'editor',
      async handle(call) {
        const post = await updatePost(
          ctx.store.db,
          call.account.id,
          call.params.slug!,
          bodyObject(call.request.body, POST_BODY_KEYS),
          { now: ctx.clock(), actor: sessionActor(call), ingestMedia: ctx.ingestMedia },
        );
        return readPost(call, post.slug);
      },
    },
    DELETE: {
      access: 'editor',
      async handle(call) {
        await deletePost(ctx.store.db, call.account.id, call.params.slug!, sessionActor(call));
        return null;
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/authors`, {
    GET: {
      access: 'viewer',
      async handle(call) {
        const rows = await listAuthors(ctx.store.db, call.account.id);
        return { body: { data: rows.map((row) => ({ ...authorObject(row), default: row.is_default === 1 })) } };
      },
    },
  });
}
