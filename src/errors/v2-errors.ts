import { GheeError, type FieldErrors, type QuotaStanding } from './ghee-error.js';

// The answers of /v2, and of every refusal made before a route runs, each text written once.
// They follow ButterCMS's error reference to the letter; the ones it lacks are Ghee's own, in its
// style (docs/api.md §9 lists them all; test/error-texts-docs.test.ts holds that).

/** Also the admin API's answer without a session, in the same words. */
export const NO_CREDENTIALS = 'Authentication credentials were not provided';

export const errors = {
  noCredentials: () => new GheeError('no_credentials', NO_CREDENTIALS, { tokenChallenge: true }),
  invalidToken: () => new GheeError('invalid_token', 'Invalid token', { tokenChallenge: true }),
  forbidden: () => new GheeError('forbidden', 'You do not have permission to perform this action'),
  multiplePages: () => new GheeError('multiple_pages', 'Multiple pages found for the given slug'),
  pageNotFound: () => new GheeError('page_not_found', 'Page matching query does not exist'),
  collectionNotFound: () => new GheeError('collection_not_found', 'Collection matching query does not exist'),
  postNotFound: () => new GheeError('post_not_found', 'Post matching query does not exist'),
  notFound: () => new GheeError('not_found', 'Not found'),
  methodNotAllowed: (method: string, allow: readonly string[]) =>
    new GheeError('method_not_allowed', `Method "${method}" not allowed.`, { allowedMethods: allow }),
  invalidLevels: () =>
    new GheeError('invalid_levels', 'levels query parameter should be an integer between 1 and 5 (inclusive)'),
  invalidLocale: () => new GheeError('invalid_locale', 'Invalid locale parameter'),
  invalidSearch: () => new GheeError('invalid_search', 'Invalid search query'),
  invalidFields: () => new GheeError('invalid_fields', 'Invalid fields parameter'),
  invalidOrder: () => new GheeError('invalid_order', 'Invalid order parameter'),
  invalidPage: () => new GheeError('invalid_page', 'page query parameter should be a positive integer'),
  invalidPageSize: () =>
    new GheeError('invalid_page_size', 'page_size query parameter should be an integer between 1 and 100 (inclusive)'),
  invalidLimit: () =>
    new GheeError('invalid_limit', 'limit query parameter should be an integer between 1 and 100 (inclusive)'),
  invalidOffset: () => new GheeError('invalid_offset', 'offset query parameter should be a non-negative integer'),
  mixedPagination: () =>
    new GheeError('mixed_pagination', 'Use either page and page_size or limit and offset, not both'),
  answerTooManyNodes: (max: number) =>
    new GheeError(
      'answer_too_large',
      `Answer too large: it would hold more than ${max} pages and items, counting a reference each time it is expanded. Ask for fewer levels or a smaller page_size.`,
    ),
  answerTooManyBytes: (max: number) =>
    new GheeError(
      'answer_too_large',
      `Answer too large: it would be more than ${max} bytes. Ask for fewer levels, fewer fields or a smaller page_size.`,
    ),
  unknownBodyKey: (key: string) => new GheeError('unknown_body_key', `Unknown key '${key}' in request body`),
  // The top level of a write body (docs/api.md §9, step 5).
  bodyNotObject: () => new GheeError('malformed_body', 'Request body must be a JSON object'),
  keyNotString: (key: string) => new GheeError('malformed_body', `'${key}' must be a string`),
  keyWithNul: (key: string) => new GheeError('malformed_body', `'${key}' must not contain null characters`),
  badWriteStatus: () => new GheeError('malformed_body', `'status' must be "draft" or "published"`),
  badTimedStatus: () => new GheeError('malformed_body', `'status' must be "draft", "published" or "scheduled"`),
  fieldsNotObject: () => new GheeError('malformed_body', `'fields' must be an object`),
  fieldsNotList: () =>
    new GheeError('malformed_body', `'fields' must be a non-empty list of objects, one per new item`),
  jsonParse: () => new GheeError('json_parse', 'JSON parse error'),
  bodyTooLarge: () => new GheeError('body_too_large', 'Request body too large'),
  headersTooLarge: () => new GheeError('headers_too_large', 'URL and headers too large: at most 16 KB'),
  malformedUrl: () => new GheeError('malformed_url', 'Malformed URL'),
  malformedRequest: () => new GheeError('malformed_request', 'Malformed request'),
  /** Any other client error the framework reports; the HTTP layer keeps the framework's status. */
  badRequest: () => new GheeError('bad_request', 'Bad request'),
  requestTimeout: () => new GheeError('request_timeout', 'Request timed out'),
  undefinedField: (field: string, where: 'page type' | 'collection') =>
    new GheeError('undefined_field', `Field '${field}' is not defined in this ${where}`),
  validation: (fields: FieldErrors['fields']) => new GheeError('validation', { fields }),
  referenced: (list: string) => new GheeError('referenced', `Cannot delete: referenced by ${list}`),
  quotaExceeded: (retryAfter: number, quota?: QuotaStanding) =>
    new GheeError('quota_exceeded', 'API Calls limit reached.', { retryAfter, ...(quota && { quota }) }),
  htmlBusy: () =>
    new GheeError('html_busy', 'Too much HTML is being sanitised right now. Please try again in a few seconds.', {
      retryAfter: 5,
    }),
  svgBusy: () =>
    new GheeError('svg_busy', 'Too many SVG files are being sanitised right now. Please try again in a few seconds.', {
      retryAfter: 5,
    }),
  databaseUnavailable: () =>
    new GheeError('database_unavailable', 'The database is unavailable right now. Please try again in a few seconds.', {
      retryAfter: 2,
    }),
  mediaStoreUnavailable: () =>
    new GheeError(
      'media_store_unavailable',
      'The media storage is unavailable right now. Please try again in a few seconds.',
      { retryAfter: 2 },
    ),
  storageFull: () =>
    new GheeError('storage_full', 'The server is out of storage space, so nothing was saved. Please try again later.'),
  internal: () => new GheeError('internal', 'An unexpected error occurred. Please try again later.'),
} as const;
