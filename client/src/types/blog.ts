import type { Meta, Pagination, Status, WriteTiming } from './common.js';

/** A blog author. */
export interface Author<AuthorSlug extends string = string> {
  first_name: string;
  last_name: string;
  email: string;
  slug: AuthorSlug;
  bio: string;
  title: string;
  linkedin_url: string;
  facebook_url: string;
  instagram_url: string;
  pinterest_url: string;
  twitter_handle: string;
  profile_image: string;
  /** With `include: 'recent_posts'`. */
  recent_posts?: Post[];
}

export interface Category<CategorySlug extends string = string> {
  name: string;
  slug: CategorySlug;
  recent_posts?: Post[];
}

export interface Tag<TagSlug extends string = string> {
  name: string;
  slug: TagSlug;
  recent_posts?: Post[];
}

/** A blog post; `body` is left out with `exclude_body: true`. */
export interface Post<AuthorSlug extends string = string, PostSlug extends string = string> {
  status: Status;
  created: string;
  updated: string | null;
  published: string | null;
  scheduled: string | null;
  /** With preview only: when the post goes off the air (ISO 8601), or null. */
  unpublish_at?: string | null;
  title: string;
  slug: PostSlug;
  body?: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  featured_image: string | null;
  featured_image_alt: string;
  url: string;
  author: Omit<Author<AuthorSlug>, 'recent_posts'>;
  categories: Category[];
  tags: Tag[];
}

/** `meta.next_post` / `meta.previous_post`: the newer and the older post. */
export interface ShortPost {
  slug: string;
  title: string;
  featured_image: string | null;
}

export interface PostMeta {
  next_post: ShortPost | null;
  previous_post: ShortPost | null;
}

export interface PostRetrieveParams {
  preview?: 0 | 1;
}

export interface PostListParams<AuthorSlug extends string = string> extends Pagination {
  author_slug?: AuthorSlug;
  category_slug?: string;
  tag_slug?: string;
  exclude_body?: boolean;
  preview?: 0 | 1;
}

export type PostSearchParams = Pagination;

/** `include: 'recent_posts'` adds each one's latest posts. */
export interface IncludeParams {
  include?: 'recent_posts';
}

export type AuthorParams = IncludeParams;
export type CategoryParams = IncludeParams;
export type TagParams = IncludeParams;

export interface PostRetrieveResponse<AuthorSlug extends string = string, PostSlug extends string = string> {
  meta: PostMeta;
  data: Post<AuthorSlug, PostSlug>;
}

export interface PostListResponse<AuthorSlug extends string = string> {
  meta: Meta;
  data: Array<Post<AuthorSlug>>;
}

export type PostSearchResponse = PostListResponse;

export interface AuthorRetrieveResponse<AuthorSlug extends string = string> {
  data: Author<AuthorSlug>;
}

export interface AuthorListResponse {
  data: Author[];
}

export interface CategoryRetrieveResponse<CategorySlug extends string = string> {
  data: Category<CategorySlug>;
}

export interface CategoryListResponse {
  data: Category[];
}

export interface TagRetrieveResponse<TagSlug extends string = string> {
  data: Tag<TagSlug>;
}

export interface TagListResponse {
  data: Tag[];
}

export type FeedType = 'rss' | 'atom' | 'sitemap';

export interface FeedParams {
  category_slug?: string;
  tag_slug?: string;
}

/** A feed: the XML document as a JSON string. */
export interface FeedResponse {
  data: string;
}

/** Body of `post.create`; `author` names an existing author (the account's default when left out). */
export interface PostCreate extends WriteTiming {
  title: string;
  slug: string;
  author?: { email: string } | { slug: string };
  categories?: string[];
  tags?: string[];
  featured_image?: string;
  featured_image_alt?: string;
  body?: string;
  summary?: string;
  seo_title?: string;
  meta_description?: string;
}

/** Body of `post.update`: only what is sent changes. */
export type PostUpdate = Partial<PostCreate>;
