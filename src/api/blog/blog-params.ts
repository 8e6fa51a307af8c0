import type { BlogScope } from '../../blog/post-rows.js';
import type { PostFilters } from '../../blog/list-posts.js';
import type { ApiCall } from '../../http/define-routes.js';
import { parseBool } from '../../params/query-bool.js';
import { isoMicro } from '../../time.js';

// Query parameters of the blog endpoints. Posts have no locales or levels: `locale` and `levels`
// are ignored like any other unknown parameter.

/** The account, channel (`preview=1` or legacy `test=1` reads the latest versions) and now. */
export function blogScope(
  { ctx, caller, query }: ApiCall,
  options: { preview: boolean } = { preview: true },
): BlogScope {
  const preview = options.preview && (parseBool(query.preview) || parseBool(query.test));
  return { accountId: caller.accountId, channel: preview ? 'latest' : 'published', now: isoMicro(ctx.clock()) };
}

/** `author_slug`, `category_slug`, `tag_slug` (ANDed). */
export function postFilters(
  query: Record<string, string>,
  keys: readonly ('author_slug' | 'category_slug' | 'tag_slug')[],
): PostFilters {
  const filters: PostFilters = {};
  if (keys.includes('author_slug') && query.author_slug !== undefined) filters.authorSlug = query.author_slug;
  if (keys.includes('category_slug') && query.category_slug !== undefined) filters.categorySlug = query.category_slug;
  if (keys.includes('tag_slug') && query.tag_slug !== undefined) filters.tagSlug = query.tag_slug;
  return filters;
}

/** `include=recent_posts`. */
export function includesRecentPosts(query: Record<string, string>): boolean {
  return query.include === 'recent_posts';
}
