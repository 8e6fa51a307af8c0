import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { listPosts, type PostFilters } from '../list-posts.js';
import type { BlogScope } from '../post-rows.js';
import { renderPosts } from '../render-posts.js';
import { blogRoot } from './blog-root.js';

/** RSS and Atom carry this many posts, the newest. */
export const FEED_POSTS = 20;

/** ButterCMS's title of an account's feeds when it sets none. */
export const DEFAULT_FEED_TITLE = 'Latest blog posts';

/** A post as the feeds use it (the fields of its API object). */
export interface FeedPost {
  title: string;
  slug: string;
  body: string;
  summary: string;
  featured_image: string;
  published: string;
  updated: string;
  author: { first_name: string; last_name: string };
  categories: { name: string }[];
  tags: { name: string }[];
}

/** What the account sets for its feeds, and its default locale. */
export interface FeedSite {
  siteUrl: string | null;
  feedTitle: string | null;
  /** The language of the feed: the account's default locale. */
  locale: string;
  /** PUBLIC_URL: media read back absolute under it (a featured image's URL). */
  publicUrl: string;
  /** MEDIA_PUBLIC_URL: when set, media read back under it instead. */
  mediaPublicUrl?: string | undefined;
}

/** What RSS and Atom are made of: the blog's title, language and links, and posts newest first. */
export interface FeedSource {
  title: string;
  /** A language tag as the feeds write it (`en`, `pt-br`). */
  language: string;
  /** `<site_url>/blog/`, or "" (relative links): see blog-root.ts. */
  root: string;
  /** When the feed last changed: its newest update, or now when it has no posts. */
  updated: string;
  posts: FeedPost[];
}

/** The newest published posts (filters as for lists) with what the feeds show of the account. */
export async function feedSource(
  db: Kysely<Database>,
  scope: BlogScope,
  filters: PostFilters,
  site: FeedSite,
  limit = FEED_POSTS,
): Promise<FeedSource> {
  const { rows } = await listPosts(db, scope, filters, { limit, offset: 0 });
  const posts = (await renderPosts(db, scope, rows, {
    publicUrl: site.publicUrl,
    mediaPublicUrl: site.mediaPublicUrl,
  })) as unknown as FeedPost[];
  const updated = posts.reduce((max, p) => (p.updated > max ? p.updated : max), '') || scope.now;
  return {
    title: site.feedTitle ?? DEFAULT_FEED_TITLE,
    language: site.locale.toLowerCase(),
    root: blogRoot(site.siteUrl),
    updated,
    posts,
  };
}

/** A post's link: `<root><slug>`. */
export function postLink(source: FeedSource, post: Pick<FeedPost, 'slug'>): string {
  return source.root + post.slug;
}

/** The author's name as a feed shows it. */
export function authorName(post: FeedPost): string {
  return `${post.author.first_name} ${post.author.last_name}`.trim();
}
