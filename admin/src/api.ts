// The only way the dashboard talks to Ghee: the session-authenticated admin API (docs/admin-api.md).

/** Field errors keyed by value path (`headline`, `seo.title`, `faq.2.question`). */
export type FieldErrors = Record<string, string[]>;

/** A refused request, with the API's detail put into words a person understands. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldErrors = {},
    readonly reasons: string[] = [],
    /** The API's error code (docs/admin-api.md); decide on it, never on the wording. '' when none. */
    readonly code: string = '',
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token handed out by the session and sign-in answers. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Codes whose `detail` says why in words a person understands, so it is shown as it is. */
const SAYS_WHY = new Set(['bad_credentials', 'plan_not_self_service', 'limit_is_operators']);

/** The refusal in a person's words, chosen by the answer's code and status, never by its wording. */
function explain(status: number, body: { detail?: unknown; code?: unknown } | null): ApiError {
  const detail = body?.detail;
  const code = typeof body?.code === 'string' ? body.code : '';
  const refused = (message: string) => new ApiError(status, message, {}, [], code);
  if (detail && typeof detail === 'object') {
    const d = detail as { fields?: FieldErrors; message?: string; errors?: string[] };
    if (d.fields)
      return new ApiError(status, 'Some fields need attention: see the messages beside them.', d.fields, [], code);
    return new ApiError(status, d.message ?? 'The request was refused.', {}, d.errors ?? [], code);
  }
  const text = typeof detail === 'string' ? detail : '';
  const sentence = text && !/[.!?]$/.test(text) ? text + '.' : text;
  if (SAYS_WHY.has(code)) return refused(sentence);
  if (status === 401) return refused('Your session has ended. Please sign in again.');
  if (code === 'csrf_token' || code === 'csrf_origin')
    return refused('This page is out of date. Reload it and try again.');
  if (status === 403) return refused('You do not have permission to do this. Ask an admin or owner of the account.');
  if (status === 404)
    return refused(text && code !== 'not_found' ? sentence : 'This no longer exists. It may have been deleted.');
  if (status === 429) return refused(text || 'Too many attempts. Try again later.');
  if (status >= 500) return refused('Ghee could not do this right now. Try again in a moment.');
  return refused(sentence || `The request was refused (${status}).`);
}

/** Calls the admin API; answers the parsed body, throws an ApiError when refused. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/admin/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'Ghee cannot be reached. Check your connection and that the server is running.');
  }
  if (res.status === 204) return null as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const error = explain(res.status, parsed as { detail?: unknown; code?: unknown } | null);
    if (res.status === 401 && path !== '/sign-in') window.dispatchEvent(new Event('ghee:signed-out'));
    throw error;
  }
  return parsed as T;
}

/**
 * POSTs a multipart form with XMLHttpRequest, which reports upload progress (fetch does not):
 * `onProgress` gets the fraction sent. Answers the parsed body; throws an ApiError when refused,
 * with the server's `detail` (413 too large, 400 type not allowed), or when `signal` aborts it.
 */
export function apiSendForm<T = unknown>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/admin/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: { detail?: unknown; code?: unknown } | null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      if (xhr.status === 401) window.dispatchEvent(new Event('ghee:signed-out'));
      // A proxy in front of Ghee may refuse a large body without Ghee's JSON.
      if (xhr.status === 413 && typeof parsed?.detail !== 'string')
        return reject(new ApiError(413, 'This file is too large for the media library.'));
      reject(explain(xhr.status, parsed));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'Ghee cannot be reached. Check your connection and that the server is running.'));
    xhr.onabort = () => reject(new ApiError(0, 'Cancelled.'));
    if (signal?.aborted) return reject(new ApiError(0, 'Cancelled.'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Shorthand for an account's endpoints. */
export function accountPath(accountId: number, rest: string): string {
  return `/accounts/${accountId}${rest}`;
}

/** Builds a query string from the set values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
