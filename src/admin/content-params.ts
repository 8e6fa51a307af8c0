import { parseLevels, parsePagination, listMeta } from '../api/params.js';
import { parseSearchTerms } from '../api/search-query.js';
import { adminErrors } from '../errors/index.js';

/** The /v2 parsers of `levels` and paging, with their texts: the admin lists page the same way. */
export { parseLevels, parsePagination, listMeta };

/** `status=draft|published` on the content tables; absent lists both. */
export function statusFilter(query: Record<string, string>): 'draft' | 'published' | 'scheduled' | undefined {
  const status = query.status;
  if (status === undefined || status === '') return undefined;
  if (status !== 'draft' && status !== 'published' && status !== 'scheduled') throw adminErrors.invalidStatusFilter();
  return status;
}

/** `query=` search terms (the /v2 rules and texts), or undefined when absent. */
export function searchTerms(query: Record<string, string>): string[] | undefined {
  return query.query === undefined ? undefined : parseSearchTerms(query.query);
}
