import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { filteredPosts, newestFirst, unmatchable, type PostFilters } from '../list-posts.js';
import type { BlogScope } from '../post-rows.js';
import { el, textEl, xmlDocument } from './xml.js';

/** The sitemaps.org limit of URLs in one sitemap. */
export const SITEMAP_MAX_URLS = 50_000;

/** A sitemaps.org document of every published post (newest first), `lastmod` its last update. */
export async function sitemap(db: Kysely<Database>, scope: BlogScope, filters: PostFilters, siteUrl: string): Promise<string> {
  const rows = unmatchable(filters)
    ? []
    : await newestFirst(filteredPosts(db, scope, filters)).clearSelect().select(['p.slug', 'v.updated']).limit(SITEMAP_MAX_URLS).execute();
  const urls = rows.map((row) => el('url', {}, textEl('loc', `${siteUrl}/${row.slug}`) + textEl('lastmod', row.updated)));
  return xmlDocument(el('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, ['', ...urls, ''].join('\n')));
}
