import type { ErrorCode } from './codes.js';

/** Detail of a validation failure: field path -> messages. */
export interface FieldErrors {
  fields: Record<string, string[]>;
}

/** Detail of a refusal with several reasons: an invalid schema's problems, the content a change deletes. */
export interface ListedErrors {
  message: string;
  errors: string[];
}

/** What an error answer says in `detail`. */
export type ErrorDetail = string | FieldErrors | ListedErrors;

/** A monthly quota's standing when a call was refused (docs/quotas.md's RateLimit fields). */
export interface QuotaStanding {
  limit: number;
  remaining: number;
  /** The billing period's length. */
  windowSeconds: number;
  /** Until the next period begins. */
  resetSeconds: number;
}

/**
 * What the answer needs beyond `detail`, said without HTTP: the HTTP layer turns each into its
 * header (src/http/error-headers.ts).
 */
export interface ErrorHints {
  /** Seconds after which the same request may succeed. */
  retryAfter?: number;
  /** The methods the path does answer, for a refused method. */
  allowedMethods?: readonly string[];
  /** The credential asked for is an API token (a /v2 caller without a usable one). */
  tokenChallenge?: boolean;
  /** The quota that refused the call. */
  quota?: QuotaStanding;
}

/**
 * The one error type of Ghee's public answers: a stable `code` (which decides the status, in
 * src/http), the public `detail` and the hints for headers. Domain code throws it; only the
 * HTTP layer knows what it becomes on the wire.
 */
export class GheeError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: ErrorDetail,
    readonly hints: ErrorHints = {},
  ) {
    super(typeof detail === 'string' ? detail : 'message' in detail ? detail.message : 'Validation failed');
    this.name = 'GheeError';
  }
}
