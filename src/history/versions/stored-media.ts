import type { MediaIngester } from '../../media/media-ingester.js';
import { PublicMediaUrls } from '../../media/public-media-urls.js';
import type { HistoryUrls } from './version-fields.js';

/**
 * The media hook of a restore: it downloads nothing. A version's media read back as absolute URLs
 * (the editor's form) go back to the value they were stored as: the library's own URLs to
 * `/media/...`, any other URL (stored as given, by the CLI or the seed) as it is.
 */
export function storedMediaValues(urls: HistoryUrls): MediaIngester {
  const library = new PublicMediaUrls(urls.publicUrl, urls.mediaPublicUrl);
  const restore = async (url: string) => library.ownMedia(url)?.value ?? url;
  return Object.assign(restore, {
    check: () => null,
    needsDownload: () => false,
    maxUrls: Number.MAX_SAFE_INTEGER,
    perWrite: 1,
  });
}
