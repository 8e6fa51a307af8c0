import { libraryErrors } from '../../errors/index.js';
import { MEDIA_KINDS, MEDIA_TAG_MAX_LENGTH, type MediaKind } from '../../shared/media.js';
import type { MediaSearch } from './search-media.js';

/** Longest `q`, and most words of it that count. */
const Q_MAX_LENGTH = 200;
const Q_MAX_TERMS = 10;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * The search of `GET .../media`: `q` (words, each in the name, alt text, caption or tags),
 * `tag`, `type` (image, video, audio, document); an empty parameter is no filter.
 */
export function parseMediaFilter(query: Record<string, string>): Omit<MediaSearch, 'limit' | 'offset'> {
  // Control characters (NUL, which PostgreSQL cannot compare) separate words like spaces.
  const q = (query.q ?? '').replace(CONTROL, ' ');
  if ([...q].length > Q_MAX_LENGTH) throw libraryErrors.searchTooLong('q', Q_MAX_LENGTH);
  const tag = (query.tag ?? '').replace(CONTROL, ' ').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if ([...tag].length > MEDIA_TAG_MAX_LENGTH) throw libraryErrors.searchTooLong('tag', MEDIA_TAG_MAX_LENGTH);
  const kind = query.type ?? '';
  if (kind !== '' && !(MEDIA_KINDS as readonly string[]).includes(kind)) throw libraryErrors.invalidKind();
  return {
    terms: q.normalize('NFC').split(/\s+/).filter(Boolean).slice(0, Q_MAX_TERMS),
    tag: tag || null,
    kind: (kind || null) as MediaKind | null,
  };
}
