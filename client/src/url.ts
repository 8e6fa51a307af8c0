import type { Params } from './options.js';

/**
 * One path segment, percent-encoded so that a slug can never add a segment or a query. `*` (the
 * any-page-type) and `,` (between collection keys) pass through, as they do in ButterCMS URLs.
 */
export function segment(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') throw new TypeError(`Not a valid path segment: "${text}"`);
  return encodeURIComponent(text);
}

/** The query string of a call (no leading `?`); undefined and null values are left out. */
export function queryString(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    search.append(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.toString();
}

/** `base` + `/` + `path` (which ends in `/`), plus the query when there is one. */
export function buildUrl(base: string, path: string, params: Params): string {
  const query = queryString(params);
  return `${base}/${path}${query ? `?${query}` : ''}`;
}
