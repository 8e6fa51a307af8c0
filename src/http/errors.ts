import { ApiError, type FieldErrors } from './api-error.js';

// Every public error text lives here, once. The texts follow the ButterCMS error reference
// (shared/reference) to the letter; the ones it lacks follow API.md section 9.
export const errors = {
  noCredentials: () =>
    new ApiError(401, 'no_credentials', 'Authentication credentials were not provided', { 'www-authenticate': 'Token' }),
  invalidToken: () => new ApiError(401, 'invalid_token', 'Invalid token', { 'www-authenticate': 'Token' }),
  forbidden: () => new ApiError(403, 'forbidden', 'You do not have permission to perform this action'),
  multiplePages: () => new ApiError(403, 'multiple_pages', 'Multiple pages found for the given slug'),
  pageNotFound: () => new ApiError(404, 'page_not_found', 'Page matching query does not exist'),
  collectionNotFound: () => new ApiError(404, 'collection_not_found', 'Collection matching query does not exist'),
  postNotFound: () => new ApiError(404, 'post_not_found', 'Post matching query does not exist'),
  notFound: () => new ApiError(404, 'not_found', 'Not found'),
  methodNotAllowed: (method: string, allow: string[]) =>
    new ApiError(405, 'method_not_allowed', `Method "${method}" not allowed.`, { allow: allow.join(', ') }),
  invalidLevels: () =>
    new ApiError(400, 'invalid_levels', 'levels query parameter should be an integer between 1 and 5 (inclusive)'),
  invalidLocale: () => new ApiError(400, 'invalid_locale', 'Invalid locale parameter'),
  invalidSearch: () => new ApiError(400, 'invalid_search', 'Invalid search query'),
  invalidFields: () => new ApiError(400, 'invalid_fields', 'Invalid fields parameter'),
  invalidOrder: () => new ApiError(400, 'invalid_order', 'Invalid order parameter'),
  invalidPage: () => new ApiError(400, 'invalid_page', 'page query parameter should be a positive integer'),
  invalidPageSize: () =>
    new ApiError(400, 'invalid_page_size', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'),
  invalidLimit: () =>
    new ApiError(400, 'invalid_limit', 'limit query parameter should be an integer between 1 and 100 (inclusive)'),
  invalidOffset: () => new ApiError(400, 'invalid_offset', 'offset query parameter should be a non-negative integer'),
  mixedPagination: () =>
    new ApiError(400, 'mixed_pagination', 'Use either page and page_size or limit and offset, not both'),
  answerTooManyNodes: (max: number) =>
    new ApiError(400, 'answer_too_large', `Answer too large: it would hold more than ${max} pages and items, counting a reference each time it is expanded. Ask for fewer levels or a smaller page_size.`),
  answerTooManyBytes: (max: number) =>
    new ApiError(400, 'answer_too_large', `Answer too large: it would be more than ${max} bytes. Ask for fewer levels, fewer fields or a smaller page_size.`),
  unknownBodyKey: (key: string) => new ApiError(400, 'unknown_body_key', `Unknown key '${key}' in request body`),
  jsonParse: () => new ApiError(400, 'json_parse', 'JSON parse error'),
  bodyTooLarge: () => new ApiError(413, 'body_too_large', 'Request body too large'),
  headersTooLarge: () => new ApiError(431, 'headers_too_large', 'URL and headers too large: at most 16 KB'),
  malformedUrl: () => new ApiError(400, 'bad_url', 'Malformed URL'),
  malformedRequest: () => new ApiError(400, 'bad_request', 'Malformed request'),
  requestTimeout: () => new ApiError(408, 'request_timeout', 'Request timed out'),
  undefinedField: (field: string, where: 'page type' | 'collection') =>
    new ApiError(400, 'undefined_field', `Field '${field}' is not defined in this ${where}`),
  validation: (fields: FieldErrors['fields']) => new ApiError(400, 'validation', { fields }),
  referenced: (list: string) => new ApiError(400, 'referenced', `Cannot delete: referenced by ${list}`),
  termInUse: (kind: 'category' | 'tag', name: string, posts: number) =>
    new ApiError(409, 'term_in_use', `Cannot delete the ${kind} "${name}": ${posts} ${posts === 1 ? 'post uses' : 'posts use'} it. Take it off ${posts === 1 ? 'that post' : 'those posts'} first.`),
  quotaExceeded: (retryAfter: number, headers: Record<string, string> = {}) =>
    new ApiError(429, 'quota_exceeded', 'API Calls limit reached.', { ...headers, 'retry-after': String(retryAfter) }),
  htmlBusy: () =>
    new ApiError(503, 'html_busy', 'Too much HTML is being sanitised right now. Please try again in a few seconds.', { 'retry-after': '5' }),
  databaseUnavailable: () =>
    new ApiError(503, 'database_unavailable', 'The database is unavailable right now. Please try again in a few seconds.', { 'retry-after': '2' }),
  storageFull: () =>
    new ApiError(507, 'storage_full', 'The server is out of storage space, so nothing was saved. Please try again later.'),
  internal: () => new ApiError(500, 'internal', 'An unexpected error occurred. Please try again later.'),
} as const;
