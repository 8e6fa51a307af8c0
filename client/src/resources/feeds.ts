import type { ClientConfig } from '../options.js';
import type { FeedParams, FeedResponse, FeedType } from '../types/blog.js';
import type { ClientResponse, RequestOptions } from '../types/common.js';
import { segment } from '../url.js';
import { createResource } from './resource.js';

/** `butter.feed`: the blog's RSS, Atom and sitemap feeds. */
export interface FeedMethods {
  /**
   * A feed; its XML document is `data.data`, a string.
   * @example
   * const { data } = await butter.feed.retrieve('rss', { tag_slug: 'recipes' });
   * res.type('application/rss+xml').send(data.data);
   */
  retrieve(feedType: FeedType, params?: FeedParams, options?: RequestOptions): Promise<ClientResponse<FeedResponse>>;
  /** Cancels the feed calls in flight. */
  cancelRequest(): void;
}

/** Builds `butter.feed`. */
export function createFeedMethods(config: ClientConfig): FeedMethods {
  const r = createResource(config, 'feed');
  return {
    retrieve: async (feedType, params, options) => r.get(`feeds/${segment(feedType)}/`, params, options),
    cancelRequest: r.cancelRequest,
  };
}
