import type { ClientConfig } from '../options.js';
import type {
  PostCreate,
  PostListParams,
  PostListResponse,
  PostRetrieveParams,
  PostRetrieveResponse,
  PostSearchParams,
  PostSearchResponse,
  PostUpdate,
} from '../types/blog.js';
import type { ClientResponse, RequestOptions, WriteAccepted } from '../types/common.js';
import { segment } from '../url.js';
import { createResource } from './resource.js';

/** `butter.post`: blog posts. */
export interface PostMethods {
  /**
   * One post, with the newer and older posts in `meta.next_post` / `meta.previous_post`.
   * @example
   * const { data } = await butter.post.retrieve('hello-world');
   */
  retrieve<PostSlug extends string = string>(
    slug: PostSlug,
    params?: PostRetrieveParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<PostRetrieveResponse<string, PostSlug>>>;
  /**
   * Published posts, newest first.
   * @example
   * await butter.post.list({ tag_slug: 'recipes', exclude_body: true, page_size: 5 });
   */
  list<AuthorSlug extends string = string>(
    params?: PostListParams<AuthorSlug>,
    options?: RequestOptions,
  ): Promise<ClientResponse<PostListResponse<AuthorSlug>>>;
  /** Posts matching `query` in title, summary and body, best match first. */
  search(
    query: string,
    params?: PostSearchParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<PostSearchResponse>>;
  /**
   * Creates a post (write token); categories and tags are given by name.
   * @example
   * await butter.post.create({ title: 'Hello', slug: 'hello', status: 'published', author: { slug: 'jane-doe' }, tags: ['News'], body: '<p>Hi</p>' });
   */
  create(body: PostCreate, options?: RequestOptions): Promise<ClientResponse<WriteAccepted>>;
  /** Changes a post (write token): only what is sent changes. */
  update(slug: string, body: PostUpdate, options?: RequestOptions): Promise<ClientResponse<WriteAccepted>>;
  /** Deletes a post (write token). */
  delete(slug: string, options?: RequestOptions): Promise<ClientResponse<null>>;
  /** Cancels the post calls in flight. */
  cancelRequest(): void;
}

/** Builds `butter.post`. */
export function createPostMethods(config: ClientConfig): PostMethods {
  const r = createResource(config, 'post');
  const at = (slug: string) => `posts/${segment(slug)}/`;
  return {
    retrieve: async (slug, params, options) => r.get(at(slug), params, options),
    list: async (params, options) => r.get('posts/', params, options),
    search: async (query, params, options) => r.get('posts/search/', { ...params, query }, options),
    create: async (body, options) => r.send('POST', 'posts/', body, undefined, options),
    update: async (slug, body, options) => r.send('PATCH', at(slug), body, undefined, options),
    delete: async (slug, options) => r.send('DELETE', at(slug), undefined, undefined, options),
    cancelRequest: r.cancelRequest,
  };
}
