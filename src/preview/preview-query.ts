import type { Caller } from '../accounts/find-caller.js';

/**
 * The query a read runs with: a preview token's reads are all `preview=1` (docs/api.md §13.4),
 * whatever the URL says, so every endpoint and the response cache's key see the same.
 */
export function readQuery(caller: Caller, query: Record<string, string>): Record<string, string> {
  return caller.tokenKind === 'preview' ? { ...query, preview: '1' } : query;
}
