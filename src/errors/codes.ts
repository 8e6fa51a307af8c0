// Every code an error answer can carry. The admin API sends it beside `detail`, and the dashboard
// decides on it, never on the wording (docs/admin-api.md lists them with their statuses). /v2
// answers carry `detail` alone, as ButterCMS's do; the code is still what chooses their status
// (src/http/error-status.ts, typed so that every code here must have one).

/** Codes of /v2 answers and of every refusal the HTTP layer makes before any route runs. */
export const V2_CODES = [
  'no_credentials',
  'invalid_token',
  'forbidden',
  'multiple_pages',
  'page_not_found',
  'collection_not_found',
  'post_not_found',
  'not_found',
  'method_not_allowed',
  'invalid_levels',
  'invalid_locale',
  'invalid_search',
  'invalid_fields',
  'invalid_order',
  'invalid_page',
  'invalid_page_size',
  'invalid_limit',
  'invalid_offset',
  'mixed_pagination',
  'answer_too_large',
  'unknown_body_key',
  'malformed_body',
  'json_parse',
  'body_too_large',
  'headers_too_large',
  'malformed_url',
  'malformed_request',
  'bad_request',
  'request_timeout',
  'undefined_field',
  'validation',
  'referenced',
  'quota_exceeded',
  'html_busy',
  'svg_busy',
  // The image service on /media URLs (src/images).
  'invalid_image_task',
  'not_an_image',
  'image_too_large',
  'image_presets_only',
  'image_signature',
  'images_busy',
  'database_unavailable',
  'media_store_unavailable',
  'storage_full',
  'internal',
  // A filter of the audit log (/v2/audit/ and the admin API's, docs/api.md §12.3).
  'invalid_audit_filter',
  // The trash (/v2/trash/ and the admin API's, docs/api.md §12.2).
  'invalid_trash_filter',
  'trash_restore_conflict',
] as const;

/** Codes only the admin API answers with. */
export const ADMIN_CODES = [
  'not_signed_in',
  'bad_credentials',
  'too_many_sign_in_attempts',
  'csrf_token',
  'csrf_origin',
  'invalid_schema',
  'data_loss',
  'invalid_month',
  'invalid_status',
  'invalid_range',
  'plan_not_self_service',
  'limit_is_operators',
  'admin_reads_throttled',
  'schema_busy',
  'invitation_not_found',
  'sign_in_to_accept',
  'invitation_for_other_user',
  'media_type_not_allowed',
  'media_in_use',
  'too_many_files',
  'invalid_media_type',
  'term_in_use',
  'dashboard_not_built',
] as const;

/** Every code of the catalogue. */
export type ErrorCode = (typeof V2_CODES)[number] | (typeof ADMIN_CODES)[number];
