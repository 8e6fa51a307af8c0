import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { blogCached } from '../blog/blog-cached.js';
import { createPostEndpoint } from './create.js';
import { deletePostEndpoint } from './delete.js';
import { listPostsEndpoint } from './list.js';
import { retrievePost } from './retrieve.js';
import { searchPostsEndpoint } from './search.js';
import { updatePostEndpoint } from './update.js';

/** The posts endpoints; `search` is a static path, so no post may be slugged `search`. */
export function registerPosts(app: FastifyInstance, ctx: AppContext): void {
  defineRoutes(app, ctx, '/v2/posts/', { GET: blogCached(listPostsEndpoint), POST: createPostEndpoint });
  defineRoutes(app, ctx, '/v2/posts/search/', { GET: blogCached(searchPostsEndpoint) });
  defineRoutes(app, ctx, '/v2/search/', { GET: blogCached(searchPostsEndpoint) });
  defineRoutes(app, ctx, '/v2/posts/:slug/', {
    GET: blogCached(retrievePost),
    PATCH: updatePostEndpoint,
    PUT: updatePostEndpoint,
    DELETE: deletePostEndpoint,
  });
}
