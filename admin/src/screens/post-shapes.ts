import type { PostStatus } from '../../../src/shared/posts';

// Blog posts as the admin API answers them: the /v2 post object of the newest version.

export interface PostAuthor {
  slug: string;
  first_name: string;
  last_name: string;
  email: string;
}

/** A row of the posts list. */
export interface PostSummary {
  title: string;
  slug: string;
  status: PostStatus;
  published: string | null;
  scheduled: string | null;
  updated: string;
  author: PostAuthor;
}

/** An author to choose from; `default` is the account's owner, the author of posts that name none. */
export interface Author extends PostAuthor {
  default: boolean;
}

/** A post as its editor reads it back. */
export interface Post {
  status: PostStatus;
  created: string;
  updated: string;
  published: string | null;
  scheduled: string | null;
  /** When the post goes off the air, or null. */
  unpublish_at?: string | null;
  title: string;
  slug: string;
  body: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  featured_image: string;
  featured_image_alt: string;
  author: PostAuthor;
  categories: { name: string; slug: string }[];
  tags: { name: string; slug: string }[];
}

/** An author's name, or their slug when they have none. */
export const authorName = (a: { first_name: string; last_name: string; slug: string }) =>
  `${a.first_name} ${a.last_name}`.trim() || a.slug;
