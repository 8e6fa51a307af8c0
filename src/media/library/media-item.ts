import type { MediaItem } from '../../shared/media.js';
import type { AccountMedia } from '../media-table.js';
import { labelFor, mediaValue } from '../media-url.js';
import { absoluteMediaUrl } from '../public-media-urls.js';
import type { MediaBases } from './media-refs.js';

/** The value a field stores for a listed file: its name's label in the URL when it was uploaded with one. */
export function valueOf(row: Pick<AccountMedia, 'name' | 'original_name'>): string {
  return mediaValue(row.name, row.original_name ? labelFor(row.original_name) : null);
}

/**
 * A listed file as the admin API and the media webhooks show it: its URL as readers get it
 * (under MEDIA_PUBLIC_URL when set), its thumbnail always Ghee's own, where images are rendered.
 */
export function mediaItem(row: AccountMedia, urls: MediaBases): MediaItem {
  const value = valueOf(row);
  const url = absoluteMediaUrl(value, urls.publicUrl, urls.mediaPublicUrl);
  return {
    name: row.name,
    url,
    value,
    original_name: row.original_name || null,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    tags: parseTags(row.tags),
    focal_point: row.focal_x === null || row.focal_y === null ? null : { x: row.focal_x, y: row.focal_y },
    created: row.created,
    updated: row.updated || null,
    thumbnail_url: row.mime.startsWith('image/') ? `${urls.publicUrl}${value}?preset=thumbnail` : null,
  };
}

/** The stored JSON list of tags; anything else (a hand-edited row) reads as none. */
function parseTags(stored: string): string[] {
  try {
    const tags: unknown = JSON.parse(stored);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
