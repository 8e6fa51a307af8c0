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
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token handed out by the session and sign-in answers. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

function explain(status: number, detail: unknown): ApiError {
  if (detail && typeof detail === 'object') {
    const d = detail as { fields?: FieldErrors; message?: string; errors?: string[] };
    if (d.fields) return new ApiError(status, 'Some fields need attention: see the messages beside them.', d.fields);
    return new ApiError(status, d.message ?? 'The request was refused.', {}, d.errors ?? []);
  }
  const text = typeof detail === 'string' ? detail : '';
  if (status === 401) return new ApiError(status, text === 'Invalid email or password' ? text + '.' : 'Your session has ended. Please sign in again.');
  if (status === 403 && text.startsWith('CSRF')) return new ApiError(status, 'This page is out of date. Reload it and try again.');
  // A refusal that says why (a plan only the operator may set) is shown as it is.
  if (status === 403 && text.startsWith('Only the operator')) return new ApiError(status, text);
  if (status === 403) return new ApiError(status, 'You do not have permission to do this. Ask an admin or owner of the account.');
  if (status === 404) return new ApiError(status, text && text !== 'Not found' ? text + '.' : 'This no longer exists. It may have been deleted.');
  if (status === 429) return new ApiError(status, text || 'Too many attempts. Try again later.');
  if (status >= 500) return new ApiError(status, 'Ghee could not do this right now. Try again in a moment.');
  return new ApiError(status, text ? (/[.!?]$/.test(text) ? text : text + '.') : `The request was refused (${status}).`);
}

/** Calls the admin API; answers the parsed body, throws an ApiError when refused. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/admin/api${path}`, {
      method, headers, credentials: 'same-origin', ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'Ghee cannot be reached. Check your connection and that the server is running.');
  }
  if (res.status === 204) return null as T;
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const error = explain(res.status, (parsed as { detail?: unknown } | null)?.detail);
    if (res.status === 401 && path !== '/sign-in') window.dispatchEvent(new Event('ghee:signed-out'));
    throw error;
  }
  return parsed as T;
}

/** Uploads a file as the raw request body (its own Content-Type); answers the parsed body, throws an ApiError when refused. */
export async function apiUpload<T = unknown>(path: string, file: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/admin/api${path}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken, 'content-type': file.type || 'application/octet-stream' },
    });
  } catch {
    throw new ApiError(0, 'Ghee cannot be reached. Check your connection and that the server is running.');
  }
  const parsed = await res.json().catch(() => null) as { detail?: unknown } | null;
  if (!res.ok) {
    if (res.status === 413) throw new ApiError(413, 'This file is too large for the media library.');
    throw explain(res.status, parsed?.detail);
  }
  return parsed as T;
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
