import { resolveOptions, type ClientOptions } from './options.js';
import { createContentMethods, type ContentMethods } from './resources/content.js';
import { createFeedMethods, type FeedMethods } from './resources/feeds.js';
import { createPageMethods, type PageMethods } from './resources/pages.js';
import { createPostMethods, type PostMethods } from './resources/posts.js';
import {
  createAuthorMethods,
  createCategoryMethods,
  createTagMethods,
  type AuthorMethods,
  type CategoryMethods,
  type TagMethods,
} from './resources/taxonomies.js';
import { VERSION } from './version.js';

/** A client: one object per resource, as buttercms v3 has them. */
export interface GheeClient {
  /** This package's version. */
  version: string;
  page: PageMethods;
  content: ContentMethods;
  post: PostMethods;
  author: AuthorMethods;
  category: CategoryMethods;
  tag: TagMethods;
  feed: FeedMethods;
}

/**
 * Makes a client for a token: a read token for reads, a write token (or `writeToken`) for writes.
 * With no `baseUrl` it talks to ButterCMS itself.
 *
 * @example
 * const butter = createClient(token, { baseUrl: 'https://cms.example.com/v2' });
 * const { data } = await butter.page.retrieve('*', 'homepage');
 */
export function createClient(token: string, options: ClientOptions = {}): GheeClient {
  // The same refusal as buttercms v3, but as an Error rather than a bare string.
  if (!token) throw new TypeError('ButterCMS API token not set');
  const config = resolveOptions(token, options);
  return {
    version: VERSION,
    page: createPageMethods(config),
    content: createContentMethods(config),
    post: createPostMethods(config),
    author: createAuthorMethods(config),
    category: createCategoryMethods(config),
    tag: createTagMethods(config),
    feed: createFeedMethods(config),
  };
}
