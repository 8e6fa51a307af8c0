import { fetchMedia, type FetchOptions } from './fetch-media.js';
import { mediaErrors } from './media-error.js';
import type { MediaStore } from './media-store.js';

/**
 * Takes the URL of a media field value into the library and returns the value to store,
 * `/media/...`. A URL already in the library (a value read back and written again) is kept as it
 * is (its image tasks and label too), without a download.
 * Throws a MediaError, to be shown as the 400 on that field.
 */
export async function ingestMedia(url: string, store: MediaStore, opts: FetchOptions): Promise<string> {
  const own = store.ownMedia(url);
  if (own !== null) {
    // A made-up hash in our URL shape must not become a field pointing at nothing.
    if (!(await store.has(own.file.name))) throw mediaErrors.download('the file is not in the media library');
    return own.value;
  }
  return `/media/${(await fetchMedia(url, store, opts)).name}`;
}
