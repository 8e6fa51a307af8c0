/**
 * Parses a query string into plain strings. A repeated parameter counts with its last value
 * (docs/api.md §1); malformed percent-escapes decode to U+FFFD instead of failing.
 */
export function parseQueryString(raw: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(raw)) out[key] = value;
  return out;
}
