import type { ClientConfig, ResourceType } from '../options.js';
import type {
  AuthorListResponse,
  AuthorParams,
  AuthorRetrieveResponse,
  CategoryListResponse,
  CategoryParams,
  CategoryRetrieveResponse,
  TagListResponse,
  TagParams,
  TagRetrieveResponse,
} from '../types/blog.js';
import type { ClientResponse, RequestOptions } from '../types/common.js';
import { segment } from '../url.js';
import { createResource } from './resource.js';

/** `butter.author`: blog authors. */
export interface AuthorMethods {
  /**
   * One author by slug; `{ include: 'recent_posts' }` adds their latest posts.
   * @example
   * const { data } = await butter.author.retrieve('jane-doe', { include: 'recent_posts' });
   */
  retrieve<AuthorSlug extends string = string>(
    slug: string,
    params?: AuthorParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<AuthorRetrieveResponse<AuthorSlug>>>;
  /** Every author. */
  list(params?: AuthorParams, options?: RequestOptions): Promise<ClientResponse<AuthorListResponse>>;
  /** Cancels the author calls in flight. */
  cancelRequest(): void;
}

/** `butter.category`: blog categories. */
export interface CategoryMethods {
  /** One category by slug; `{ include: 'recent_posts' }` adds its latest posts. */
  retrieve<CategorySlug extends string = string>(
    slug: CategorySlug,
    params?: CategoryParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<CategoryRetrieveResponse<CategorySlug>>>;
  /** Every category. */
  list(params?: CategoryParams, options?: RequestOptions): Promise<ClientResponse<CategoryListResponse>>;
  /** Cancels the category calls in flight. */
  cancelRequest(): void;
}

/** `butter.tag`: blog tags. */
export interface TagMethods {
  /** One tag by slug; `{ include: 'recent_posts' }` adds its latest posts. */
  retrieve<TagSlug extends string = string>(
    slug: TagSlug,
    params?: TagParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<TagRetrieveResponse<TagSlug>>>;
  /** Every tag. */
  list(params?: TagParams, options?: RequestOptions): Promise<ClientResponse<TagListResponse>>;
  /** Cancels the tag calls in flight. */
  cancelRequest(): void;
}

interface SlugMethods {
  retrieve<Data>(slug: string, params?: object, options?: RequestOptions): Promise<ClientResponse<Data>>;
  list<Data>(params?: object, options?: RequestOptions): Promise<ClientResponse<Data>>;
  cancelRequest(): void;
}

/** Authors, categories and tags work alike: a list at `/v2/<path>/`, one at `/v2/<path>/<slug>/`. */
function createSlugMethods(config: ClientConfig, type: ResourceType, path: string): SlugMethods {
  const r = createResource(config, type);
  return {
    retrieve: async (slug, params, options) => r.get(`${path}/${segment(slug)}/`, params, options),
    list: async (params, options) => r.get(`${path}/`, params, options),
    cancelRequest: r.cancelRequest,
  };
}

/** Builds `butter.author`. */
export function createAuthorMethods(config: ClientConfig): AuthorMethods {
  return createSlugMethods(config, 'author', 'authors');
}

/** Builds `butter.category`. */
export function createCategoryMethods(config: ClientConfig): CategoryMethods {
  return createSlugMethods(config, 'category', 'categories');
}

/** Builds `butter.tag`. */
export function createTagMethods(config: ClientConfig): TagMethods {
  return createSlugMethods(config, 'tag', 'tags');
}
