/** Per-field messages of a validation error, keyed by field path (`headline`, `faq.2.question`). */
export type FieldErrors = Record<string, string[]>;

/** The `detail` of a 400 validation error: `{"fields": {...}}`. */
export interface ValidationDetail {
  fields: FieldErrors;
}

/** What went wrong, in one stable word; `status` is 0 for the last three (no HTTP answer). */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR'
  | 'INVALID_RESPONSE'
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  | 'ABORTED';

/** The HTTP answer behind an error, shaped as the error reference's examples read it (`error.response.data.detail`). */
export interface ErrorResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
}

/** Everything an error is built from; see {@link ButterCMSError}. */
export interface ButterCMSErrorInit {
  code: ErrorCode;
  status: number;
  detail: string | ValidationDetail;
  method: string;
  path: string;
  retryAfter?: number | null;
  requestId?: string | null;
  response?: ErrorResponse;
  cause?: unknown;
}

/**
 * The one error every client call rejects with: an HTTP error answer, a timeout, an abort or a
 * network failure.
 *
 * @example
 * try {
 *   await butter.page.retrieve('landing_page', 'launch');
 * } catch (error) {
 *   if (error instanceof ButterCMSError && error.status === 404) return notFound();
 *   throw error;
 * }
 */
export class ButterCMSError extends Error {
  override readonly name = 'ButterCMSError';
  /** The HTTP status, or 0 when no answer came (timeout, network failure, abort). */
  readonly status: number;
  readonly code: ErrorCode;
  /** The answer's `detail`: a message, or `{fields: {...}}` for a validation error. */
  readonly detail: string | ValidationDetail;
  /** Seconds the server asked to wait (`Retry-After`, sent with 429), or null. */
  readonly retryAfter: number | null;
  /** The answer's `X-Request-Id`, the id of the server's log lines for it, or null. */
  readonly requestId: string | null;
  readonly method: string;
  /** The request path without its query (so without the token), e.g. `/v2/pages/*\/homepage/`. */
  readonly path: string;
  /** The HTTP answer, for code written against the error reference (`error.response?.status`). */
  readonly response: ErrorResponse | undefined;

  constructor(init: ButterCMSErrorInit) {
    // `cause` mirrors buttercms v3, whose rejections carry the answer as `error.cause`.
    super(messageOf(init), { cause: init.cause ?? init.response });
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
    this.method = init.method;
    this.path = init.path;
    this.response = init.response;
  }

  /** The per-field messages of a validation error (400 with a field map), otherwise null. */
  get fields(): FieldErrors | null {
    return typeof this.detail === 'string' ? null : this.detail.fields;
  }
}

/** The same class under Ghee's name: `catch (e) { if (e instanceof GheeError) ... }`. */
export const GheeError = ButterCMSError;
/** The same class under Ghee's name. */
export type GheeError = ButterCMSError;

/** True when `value` is a client error; also works across copies of this package. */
export function isButterCMSError(value: unknown): value is ButterCMSError {
  return (
    value instanceof ButterCMSError ||
    (value instanceof Error && value.name === 'ButterCMSError' && 'code' in value && 'status' in value)
  );
}

function messageOf(init: ButterCMSErrorInit): string {
  if (init.status === 0) return `${init.detail} (${init.method} ${init.path})`;
  const detail =
    typeof init.detail === 'string'
      ? init.detail
      : Object.entries(init.detail.fields)
          .map(([path, messages]) => `${path}: ${messages.join(' ')}`)
          .join('; ');
  // The buttercms v3 message format, so code matching on it keeps working.
  return `[detail]: ${detail} (${init.status})`;
}
