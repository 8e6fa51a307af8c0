import { MediaStoreUnavailableError } from './media-store-unavailable.js';

// How the S3 store reads the SDK's failures: a missing object is an answer (null), a failure to
// reach or use the bucket is the store's MediaStoreUnavailableError, anything else is a bug and
// passes as it is.

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Codes of a connection that failed, was cut or went silent (Node's, and the SDK's timeouts). */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** True for the store's "no such object" (NoSuchKey; not NoSuchBucket, which is a failure). */
export function isMissingObject(error: unknown): boolean {
  return (error as SdkError | null)?.name === 'NoSuchKey';
}

/** The SDK's error as the store's MediaStoreUnavailableError when it is one; other errors as they are. */
export function storeFailure(error: unknown, where: string): unknown {
  if (error instanceof MediaStoreUnavailableError || typeof error !== 'object' || error === null) return error;
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'TimeoutError' || (e.code !== undefined && NETWORK.has(e.code))) {
    return new MediaStoreUnavailableError('unreachable', where, { cause: error });
  }
  if (e.name === 'CredentialsProviderError') return new MediaStoreUnavailableError('refused', where, { cause: error });
  if (status === undefined) {
    // An SDK error without an answer is a connection that failed in a way not listed above.
    return '$metadata' in e ? new MediaStoreUnavailableError('unreachable', where, { cause: error }) : error;
  }
  const busy = status >= 500 || status === 429;
  return new MediaStoreUnavailableError(busy ? 'unreachable' : 'refused', where, { cause: error });
}
