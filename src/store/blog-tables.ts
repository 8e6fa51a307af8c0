import type { Generated } from 'kysely';
import type { PostStatus } from '../shared/posts.js';

// Row shapes of the blog tables (migration 002). Timestamps are ISO 8601 strings with six
// fractional digits, like the rest of the store, so they compare and sort as text.

export interface AuthorsTable {
  id: Generated<number>;
  account_id: number;
  slug: string;
  first_name: string;
  last_name: string;
  /** Stored lowercased: posts name their author by email, compared exactly. */
  email: string;
  bio: string;
  title: string;
  linkedin_url: string;
  facebook_url: string;
  instagram_url: string;
  pinterest_url: string;
  twitter_handle: string;
  profile_image: string;
  /** 1 for the account's owner, the author of posts that name none (one per account). */
  is_default: number;
  created: string;
}

/** Categories and tags have the same shape: created on first use by name. */
export interface TermsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  slug: string;
}

export interface PostsTable {
  id: Generated<number>;
  account_id: number;
  slug: string;
  created: string;
  /** When the post goes off the air (docs/api.md §13), or null. */
  unpublish_at: Generated<string | null>;
}

export type PostChannel = 'published' | 'latest';
export type { PostStatus };

/**
 * One version of a post, as for pages: 'published' is what readers see, 'latest' the newest
 * version (a draft over a published post lives only there). A scheduled post has its version in
 * both channels with status 'scheduled'; readers see it once `scheduled` has passed.
 */
export interface PostVersionsTable {
  post_id: number;
  channel: PostChannel;
  status: PostStatus;
  author_id: number;
  title: string;
  body: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  /** `/media/<name>` for ingested images (PUBLIC_URL is put in front on read), or "". */
  featured_image: string;
  featured_image_alt: string;
  updated: string;
  published: string | null;
  scheduled: string | null;
}

/** A version's categories or tags, in the order they were given. */
export interface PostTermsTable {
  post_id: number;
  channel: PostChannel;
  term_id: number;
  position: number;
}

/** The searchable text of a version (HTML without tags); the full-text index is per dialect. */
export interface PostSearchTable {
  post_id: number;
  channel: PostChannel;
  title: string;
  summary: string;
  body: string;
}

/** A named lease: who holds it and until when (the post scheduler takes one). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires: string;
}

export interface BlogTables {
  authors: AuthorsTable;
  categories: TermsTable;
  tags: TermsTable;
  posts: PostsTable;
  post_versions: PostVersionsTable;
  post_categories: PostTermsTable;
  post_tags: PostTermsTable;
  post_search: PostSearchTable;
  leases: LeasesTable;
}
