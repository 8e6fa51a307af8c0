import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { listPosts, type PostFilters } from '../list-posts.js';
import type { BlogScope } from '../post-rows.js';
import { renderPosts } from '../render-posts.js';

/** RSS and Atom carry this many posts, the newest. */
export const FEED_POSTS = 20;

/** A post as the feeds use it (the fields of its API object). */
export interface FeedPost {
  title: string;
  slug: string;
  url: string;
  body: string;
  summary: string;
  published: string;
  updated: string;
  author: { first_name: string; last_name: string };
  categories: { name: string }[];
  tags: { name: string }[];
}

/** What every feed is made of: the blog's name, its links, and posts newest first. */
export interface FeedSource {
  title: string;
  /** PUBLIC_URL: post links are `<PUBLIC_URL>/<slug>`, as the post's `url` is `/<slug>`. */
  siteUrl: string;
  /** The feed's own absolute URL (without any token). */
  selfUrl: string;
  /** When the feed last changed: its newest update, or now when it has no posts. */
  updated: string;
  posts: FeedPost[];
}

/** The newest published posts (filters as for lists) with the names the feeds show. */
export async function feedSource(
  db: Kysely<Database>,
  scope: BlogScope,
  filters: PostFilters,
  site: { title: string; siteUrl: string; selfUrl: string },
  limit = FEED_POSTS,
): Promise<FeedSource> {
  const { rows } = await listPosts(db, scope, filters, { limit, offset: 0 });
  const posts = (await renderPosts(db, scope, rows, { publicUrl: site.siteUrl })) as unknown as FeedPost[];
  const updated = posts.reduce((max, p) => (p.updated > max ? p.updated : max), '') || scope.now;
  return { ...site, updated, posts };
}

/** A post's absolute link. */
export function postLink(source: FeedSource, post: Pick<FeedPost, 'url'>): string {
  return source.siteUrl + post.url;
}

/** The author's name as a feed shows it. */
export function authorName(post: FeedPost): string {
  return `${post.author.first_name} ${post.author.last_name}`.trim();
}
