// @ghee/client: the buttercms v3 surface (switch with one import line), plus writes, one error
// class, safe() and retries. No dependencies; fetch only, so it runs in Node 20 and browsers.
import { createClient, type GheeClient } from './client.js';
import type { ClientOptions } from './options.js';
import type * as Blog from './types/blog.js';
import type * as Common from './types/common.js';
import type * as Content from './types/content.js';
import type * as Pages from './types/pages.js';

/**
 * Makes a client, exactly as `Butter(token, options)` from `buttercms` does; `options.baseUrl`
 * points it at a Ghee server (default: ButterCMS).
 *
 * @example
 * import Butter from '@ghee/client'; // was: import Butter from 'buttercms';
 * const butter = Butter(token, { baseUrl: 'https://cms.example.com/v2' });
 */
function Butter(token: string, options?: ClientOptions): GheeClient {
  return createClient(token, options);
}

/** The type names of buttercms v3's `Butter` namespace, so `Butter.Page<Home>` keeps compiling. */
// eslint-disable-next-line @typescript-eslint/no-namespace
namespace Butter {
  export type Meta = Common.Meta;
  export type Response<Data = unknown> = Common.ClientResponse<Data>;
  export type Page<
    M extends object = Record<string, unknown>,
    T extends string = string,
    S extends string = string,
  > = Pages.Page<M, T, S>;
  export type PageRetrieveParams = Pages.PageRetrieveParams;
  export type PageListParams = Pages.PageListParams;
  export type PageSearchParams<T extends string = string> = Pages.PageSearchParams<T>;
  export type PageRetrieveResponse<
    M extends object = Record<string, unknown>,
    T extends string = string,
    S extends string = string,
  > = Pages.PageRetrieveResponse<M, T, S>;
  export type PageListResponse<
    M extends object = Record<string, unknown>,
    T extends string = string,
  > = Pages.PageListResponse<M, T>;
  export type PageSearchResponse<
    M extends object = Record<string, unknown>,
    T extends string = string,
  > = Pages.PageSearchResponse<M, T>;
  export type ContentParams = Content.ContentParams;
  export type ContentResponse<M extends object = Record<string, Record<string, unknown>>> = Content.ContentResponse<M>;
  export type Post<A extends string = string, S extends string = string> = Blog.Post<A, S>;
  export type PostMeta = Blog.PostMeta;
  export type PostRetrieveParams = Blog.PostRetrieveParams;
  export type PostListParams<A extends string = string> = Blog.PostListParams<A>;
  export type PostSearchParams = Blog.PostSearchParams;
  export type PostRetrieveResponse<A extends string = string, S extends string = string> = Blog.PostRetrieveResponse<
    A,
    S
  >;
  export type PostListResponse<A extends string = string> = Blog.PostListResponse<A>;
  export type PostSearchResponse = Blog.PostSearchResponse;
  export type Author<S extends string = string> = Blog.Author<S>;
  export type AuthorParams = Blog.AuthorParams;
  export type AuthorRetrieveResponse<S extends string = string> = Blog.AuthorRetrieveResponse<S>;
  export type AuthorListResponse = Blog.AuthorListResponse;
  export type Category<S extends string = string> = Blog.Category<S>;
  export type CategoryParams = Blog.CategoryParams;
  export type CategoryRetrieveResponse<S extends string = string> = Blog.CategoryRetrieveResponse<S>;
  export type CategoryListResponse = Blog.CategoryListResponse;
  export type Tag<S extends string = string> = Blog.Tag<S>;
  export type TagParams = Blog.TagParams;
  export type TagRetrieveResponse<S extends string = string> = Blog.TagRetrieveResponse<S>;
  export type TagListResponse = Blog.TagListResponse;
  export type FeedTypes = Blog.FeedType;
  export type FeedParams = Blog.FeedParams;
}

export default Butter;
export { Butter, createClient };
export type { GheeClient };
export { ButterCMSError, GheeError, isButterCMSError } from './errors.js';
export type { ButterCMSErrorInit, ErrorCode, ErrorResponse, FieldErrors, ValidationDetail } from './errors.js';
export { safe } from './safe.js';
export type { SafeResult } from './safe.js';
export { BUTTERCMS_BASE_URL } from './options.js';
export type {
  CacheMode,
  ClientOptions,
  HookContext,
  HookOptions,
  HttpMethod,
  Params,
  RequestHookContext,
  RequestOverrides,
  ResourceType,
} from './options.js';
export type { ContentMethods } from './resources/content.js';
export type { FeedMethods } from './resources/feeds.js';
export type { PageMethods } from './resources/pages.js';
export type { PostMethods } from './resources/posts.js';
export type { AuthorMethods, CategoryMethods, TagMethods } from './resources/taxonomies.js';
export type * from './types/blog.js';
export type * from './types/common.js';
export type * from './types/content.js';
export type * from './types/pages.js';
export type * from './types/writes.js';
