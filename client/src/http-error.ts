import { ButterCMSError, type ErrorCode, type ValidationDetail } from './errors.js';
import { parseRetryAfter } from './retry-after.js';

/** Where a failed answer came from, for the error's `method` and `path`. */
export interface Origin {
  method: string;
  path: string;
  /** Clock for an HTTP-date `Retry-After`. */
  now: () => number;
}

/** The error for a non-2xx answer whose body has been read as text. */
export function httpError(response: Response, text: string, origin: Origin): ButterCMSError {
  const data = parseJson(text);
  const detail = detailOf(data, response);
  return new ButterCMSError({
    code: codeOf(response.status, detail),
    status: response.status,
    detail,
    method: origin.method,
    path: origin.path,
    retryAfter: parseRetryAfter(response.headers.get('retry-after'), origin.now()),
    requestId: response.headers.get('x-request-id'),
    response: { status: response.status, statusText: response.statusText, headers: headersOf(response), data },
  });
}

/** The answer's headers as a plain object (lowercase names), as buttercms v3 returns them. */
export function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** The parsed body, or the text itself when it is not JSON (a proxy's HTML error page). */
export function parseJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

function detailOf(data: unknown, response: Response): string | ValidationDetail {
  const detail = typeof data === 'object' && data !== null ? (data as { detail?: unknown }).detail : undefined;
  if (typeof detail === 'string') return detail;
  if (isValidationDetail(detail)) return detail;
  // Not a ButterCMS-shaped answer (a gateway's page, an empty body): say what the status says.
  return response.statusText || `HTTP ${response.status}`;
}

function isValidationDetail(value: unknown): value is ValidationDetail {
  if (typeof value !== 'object' || value === null) return false;
  const fields = (value as { fields?: unknown }).fields;
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields);
}

function codeOf(status: number, detail: string | ValidationDetail): ErrorCode {
  if (status === 400) return typeof detail === 'string' ? 'BAD_REQUEST' : 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return 'HTTP_ERROR';
}
