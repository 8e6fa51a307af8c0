import { parseDateTime } from '../blog/write/parse-date-time.js';

/**
 * A time an archive gives for `scheduled` or `unpublish_at`, in the store's form; null when it is
 * absent or no date-time with a zone. Stored as given, a malformed one would compare as text with
 * every instant and fire at once or never.
 */
export function archivedTime(value: unknown): string | null {
  return typeof value === 'string' ? parseDateTime(value) : null;
}
