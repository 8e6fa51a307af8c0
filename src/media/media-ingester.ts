import type { Config } from '../config.js';
import { checkMediaUrl } from './check-media-url.js';
import { ingestMedia } from './ingest-media.js';
import type { MediaError } from './media-error.js';
import type { MediaStore } from './media-store.js';
import { Semaphore } from './semaphore.js';

/**
 * The write path's media hook. Called with a URL, downloads it into the library (waiting for one of
 * the process's download places) and returns the value to store, `/media/<hash>.<ext>`: stored
 * without the host, so a change of PUBLIC_URL moves every link; reads put `PUBLIC_URL` in front.
 * Throws a MediaError, shown as the 400 on that field. ingest-requests.ts drives it for a write.
 */
export interface MediaIngester {
  (url: string): Promise<string>;
  /** What is wrong with a URL that can be told without downloading it, or null. */
  check(url: string): MediaError | null;
  /** False for a URL of this library (a value read back and sent again): no download. */
  needsDownload(url: string): boolean;
  /** Most distinct URLs one write may download (MEDIA_MAX_URLS_PER_WRITE). */
  readonly maxUrls: number;
  /** Downloads of one write at a time (MEDIA_DOWNLOADS_PER_WRITE). */
  readonly perWrite: number;
}

/** The server's media hook, with one pool of MEDIA_DOWNLOADS_PER_PROCESS download places for every write it serves. */
export function mediaIngester(config: Config, store: MediaStore): MediaIngester {
  const options = {
    allowPrivate: config.mediaFetchAllowPrivate,
    maxBytes: config.mediaMaxBytes,
    timeoutMs: config.mediaFetchTimeoutMs,
  };
  const places = new Semaphore(config.mediaDownloadsPerProcess);
  const ingest = async (url: string) => {
    const work = () => ingestMedia(url, store, options);
    // A URL of this library needs no download, so it takes no download place.
    return store.isOwnUrl(url) ? await work() : await places.run(work);
  };
  return Object.assign(ingest, {
    // The library's own URL is no download, so where PUBLIC_URL is a private address it is no
    // private download either.
    check: (url: string) => (store.isOwnUrl(url) ? null : checkMediaUrl(url, config.mediaFetchAllowPrivate)),
    needsDownload: (url: string) => !store.isOwnUrl(url),
    maxUrls: config.mediaMaxUrlsPerWrite,
    perWrite: config.mediaDownloadsPerWrite,
  });
}
