import type { Caller } from '../accounts/find-caller.js';

/**
 * The response-cache key of a read: account, schema version, path without its trailing slash,
 * and the query sorted by name without `auth_token` (so `?a=1&b=2` and `?b=2&a=1` share).
 */
export function cacheKey(caller: Caller, url: string, query: Record<string, string>): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  if (path.endsWith('/')) path = path.slice(0, -1);
  const params = Object.keys(query)
    .filter((name) => name !== 'auth_token')
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query[name]!)}`)
    .join('&');
  return `${caller.accountId}:${caller.schemaVersion}:${path}?${params}`;
}
