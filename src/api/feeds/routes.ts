import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { defineRoutes } from '../../http/define-routes.js';
import { blogCached } from '../blog/blog-cached.js';
import { retrieveFeed } from './retrieve.js';

/** The three feeds, as static paths: any other feed is an unknown path (404 `Not found`). */
export function registerFeeds(app: FastifyInstance, ctx: AppContext): void {
  for (const type of ['rss', 'atom', 'sitemap'] as const)
    defineRoutes(app, ctx, `/v2/feeds/${type}/`, { GET: blogCached(retrieveFeed(type)) });
}
