import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { filteredPosts, newestFirst, unmatchable, type PostFilters } from '../list-posts.js';
import type { BlogScope } from '../post-rows.js';
import { blogRoot } from './blog-root.js';
import { el, textEl, xmlDocument } from './xml.js';

/** The sitemaps.org limit of URLs in one sitemap. */
export const SITEMAP_MAX_URLS = 50_000;

// The root's attributes as ButterCMS writes them: the namespace and the schema's location.
const URLSET = {
  xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation':
    'http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd',
};

/**
 * A sitemaps.org document of every published post (newest first), its `loc` the post's link as
 * in the feeds (blog-root.ts); Ghee adds `lastmod`, the post's last update.
 */
export async function sitemap(
  db: Kysely<Database>,
  scope: BlogScope,
  filters: PostFilters,
  siteUrl: string | null,
): Promise<string> {
  const rows = unmatchable(filters)
    ? []
    : await newestFirst(filteredPosts(db, scope, filters))
        .clearSelect()
        .select(['p.slug', 'v.updated'])
        .limit(SITEMAP_MAX_URLS)
        .execute();
  const root = blogRoot(siteUrl);
  const urls = rows.map((row) => el('url', {}, textEl('loc', root + row.slug) + textEl('lastmod', row.updated)));
  return xmlDocument(el('urlset', URLSET, ['', ...urls, ''].join('\n')));
}
