import type { Config } from '../config.js';
import type { MediaIngester } from '../content/write/write-entry.js';
import { ingestMedia } from './ingest-media.js';
import type { MediaStore } from './media-store.js';

/**
 * The write path's media hook: downloads a URL into the library and returns the value to store,
 * `/media/<hash>.<ext>`. Stored without the host, so a change of PUBLIC_URL moves every link;
 * reads put `PUBLIC_URL` in front.
 */
export function mediaIngester(config: Config, store: MediaStore): MediaIngester {
  const options = { allowPrivate: config.mediaFetchAllowPrivate, maxBytes: config.mediaMaxBytes, timeoutMs: config.mediaFetchTimeoutMs };
  return async (url) => {
    const absolute = await ingestMedia(url, store, options);
    return `/media/${store.nameFromUrl(absolute)}`;
  };
}
