import { readSiteSettings } from '../../accounts/site-settings.js';
import { atomFeed } from '../../blog/feeds/atom.js';
import { FEEDS_TAG } from '../../blog/feeds/feeds-tag.js';
import { feedSource } from '../../blog/feeds/feed-source.js';
import { rssFeed } from '../../blog/feeds/rss.js';
import { sitemap } from '../../blog/feeds/sitemap.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { blogScope, postFilters } from '../blog/blog-params.js';

/** The feeds Ghee serves, as in their paths. */
export type FeedType = 'rss' | 'atom' | 'sitemap';

/**
 * GET /v2/feeds/<type>/: the feed as an XML document in a JSON string (`{"data": "<?xml ..."}`),
 * published posts only, newest first, optionally of one category and/or tag; links and title
 * from the account's site settings, the language its default locale.
 */
export function retrieveFeed(type: FeedType): Endpoint {
  return {
    auth: 'read',
    async handle(call: ApiCall) {
      const { ctx, caller, query, schema } = call;
      const scope = blogScope(call, { preview: false });
      const filters = postFilters(query, ['category_slug', 'tag_slug']);
      const settings = await readSiteSettings(ctx.store.db, caller.accountId);
      call.deps.add(FEEDS_TAG);
      const siteUrl = settings?.site_url ?? null;
      if (type === 'sitemap') return { body: { data: await sitemap(ctx.store.db, scope, filters, siteUrl) } };
      const source = await feedSource(ctx.store.db, scope, filters, {
        siteUrl,
        feedTitle: settings?.feed_title ?? null,
        locale: schema.defaultLocale,
        publicUrl: ctx.config.publicUrl,
        mediaPublicUrl: ctx.config.mediaPublicUrl,
      });
      return { body: { data: type === 'rss' ? rssFeed(source) : atomFeed(source) } };
    },
  };
}
