import { ButterCMSError } from './errors.js';
import { headersOf, httpError, parseJson, type Origin } from './http-error.js';

/** One HTTP exchange to make. */
export interface AttemptSpec {
  url: string;
  init: RequestInit;
  /** Milliseconds for the whole exchange, body included; 0 or Infinity for none. */
  timeout: number;
  /** The caller's cancellation (their signal and `cancelRequest`). */
  signal: AbortSignal;
  fetch: typeof fetch;
  origin: Origin;
  /** Keep an unread copy of a successful answer (for `onResponse`). */
  keepCopy: boolean;
}

/** A successful (2xx) answer: its parsed body, and a copy when asked for. */
export interface Answer {
  response: Response;
  data: unknown;
  copy: Response | null;
}

/** Longest delay a timer takes; beyond it setTimeout fires at once. */
const MAX_TIMER = 2_147_483_647;

/** Makes one exchange; rejects with a {@link ButterCMSError} for a non-2xx answer or no answer. */
export async function attempt(spec: AttemptSpec): Promise<Answer> {
  const { origin, signal } = spec;
  const where = { method: origin.method, path: origin.path };
  if (signal.aborted) throw aborted(origin, signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const timer =
    spec.timeout > 0 && spec.timeout <= MAX_TIMER
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, spec.timeout)
      : undefined;
  try {
    const response = await spec.fetch(spec.url, { ...spec.init, signal: controller.signal });
    const copy = spec.keepCopy && response.ok ? response.clone() : null;
    // The body is read under the same timeout: a server that stalls mid-body is a timeout too.
    const text = await response.text();
    if (!response.ok) throw httpError(response, text, origin);
    return { response, data: successBody(response, text, origin), copy };
  } catch (error) {
    if (error instanceof ButterCMSError) throw error;
    if (timedOut) {
      throw new ButterCMSError({
        code: 'TIMEOUT',
        status: 0,
        detail: `Request timed out after ${spec.timeout} ms`,
        ...where,
        cause: error,
      });
    }
    if (signal.aborted) throw aborted(origin, signal.reason);
    throw new ButterCMSError({
      code: 'NETWORK_ERROR',
      status: 0,
      detail: networkDetail(error),
      ...where,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** The error for a call cancelled by its caller (never retried). */
export function aborted(origin: Origin, reason: unknown): ButterCMSError {
  return new ButterCMSError({
    code: 'ABORTED',
    status: 0,
    detail: 'Request aborted',
    method: origin.method,
    path: origin.path,
    cause: reason,
  });
}

function successBody(response: Response, text: string, origin: Origin): unknown {
  if (text === '') return null;
  const data = parseJson(text);
  // parseJson hands back the text itself when it is not JSON: e.g. a baseUrl that reaches a web page.
  if (typeof data === 'string' && data === text) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ButterCMSError({
      code: 'INVALID_RESPONSE',
      status: response.status,
      detail: `Expected a JSON answer, got ${type}; check baseUrl`,
      method: origin.method,
      path: origin.path,
      requestId: response.headers.get('x-request-id'),
      response: { status: response.status, statusText: response.statusText, headers: headersOf(response), data: text },
    });
  }
  return data;
}

/** Why fetch failed, with the system's error code when there is one (`ECONNREFUSED`). */
function networkDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `Network error: ${message}${code}`;
}
