/**
 * Why the media store could not answer: it could not be reached in time (network, timeout, its own
 * 5xx or throttling), or it refused Ghee (credentials, a missing bucket: an operator must act).
 */
export type MediaStoreFailure = 'unreachable' | 'refused';

/**
 * The media store (an S3 bucket) cannot be used right now. Raised by the store so that callers
 * need not know the SDK; the HTTP boundary answers 503 with Retry-After. Nothing was stored: an
 * upload that fails so leaves no object behind (docs/deploy.md).
 */
export class MediaStoreUnavailableError extends Error {
  constructor(
    readonly failure: MediaStoreFailure,
    /** The store, `s3://bucket/prefix`, for the log. */
    readonly where: string,
    options: { cause: unknown },
  ) {
    super(`media store ${where} ${failure}: ${describe(options.cause)}`, options);
    this.name = 'MediaStoreUnavailableError';
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  const text = cause.message || cause.name;
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
}
