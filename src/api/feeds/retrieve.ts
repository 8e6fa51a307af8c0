import { atomFeed } from '../../blog/feeds/atom.js';
import { feedSource } from '../../blog/feeds/feed-source.js';
import { rssFeed } from '../../blog/feeds/rss.js';
import { sitemap } from '../../blog/feeds/sitemap.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { blogScope, postFilters } from '../blog/blog-params.js';

/** The feeds Ghee serves, as in their paths. */
export type FeedType = 'rss' | 'atom' | 'sitemap';

/**
 * GET /v2/feeds/<type>/: the feed as an XML document in a JSON string (`{"data": "<?xml ..."}`),
 * published posts only, newest first, optionally of one category and/or tag.
 */
export function retrieveFeed(type: FeedType): Endpoint {
  return {
    auth: 'read',
    async handle(call: ApiCall) {
      const { ctx, caller, query } = call;
      const scope = blogScope(call, { preview: false });
      const filters = postFilters(query, ['category_slug', 'tag_slug']);
      const siteUrl = ctx.config.publicUrl;
      if (type === 'sitemap') return { body: { data: await sitemap(ctx.store.db, scope, filters, siteUrl) } };
      const account = await ctx.store.db.selectFrom('accounts').select('name').where('id', '=', caller.accountId).executeTakeFirstOrThrow();
      const source = await feedSource(ctx.store.db, scope, filters, { title: account.name, siteUrl, selfUrl: `${siteUrl}/v2/feeds/${type}/` });
      return { body: { data: type === 'rss' ? rssFeed(source) : atomFeed(source) } };
    },
  };
}
