import { fetchMedia, type FetchOptions } from './fetch-media.js';
import { mediaErrors } from './media-error.js';
import type { MediaStore } from './media-store.js';

/**
 * Takes the URL of a media field value into the library and returns the Ghee media URL to store.
 * A URL already in the library (a value read back and written again) is kept without a download.
 * Throws a MediaError, to be shown as the 400 on that field.
 */
export async function ingestMedia(url: string, store: MediaStore, opts: FetchOptions): Promise<string> {
  const own = store.nameFromUrl(url);
  if (own !== null) {
    // A made-up hash in our URL shape must not become a field pointing at nothing.
    if (!(await store.has(own))) throw mediaErrors.download('the file is not in the media library');
    return url;
  }
  return (await fetchMedia(url, store, opts)).url;
}
