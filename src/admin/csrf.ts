import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { adminErrors } from '../errors/index.js';

/** The methods that change state, and so need the CSRF checks. */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another site. Browsers send
 * `Origin` on such requests (else `Referer`); it must be PUBLIC_URL's origin, or the address the
 * browser itself used (scheme and Host), so a dashboard opened at 127.0.0.1 while PUBLIC_URL says
 * localhost still works. A request with neither header comes from no browser, so no other site
 * can have made it; the CSRF token still guards it.
 */
export function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin ?? originOf(request.headers.referer);
  if (origin === undefined) return;
  const allowed = [new URL(publicUrl).origin, `${request.protocol}://${request.headers.host ?? ''}`];
  if (!allowed.includes(origin)) throw adminErrors.csrfOrigin(origin);
}

function originOf(referer: string | undefined): string | undefined {
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * The double-submit check: `X-CSRF-Token` must equal a token bound to this browser (its
 * session's, or before sign-in the one in its `ghee_csrf` cookie). Another site can make the
 * browser send cookies, but it cannot read the token to put in a header.
 */
export function checkCsrfToken(request: FastifyRequest, expected: (string | undefined)[]): void {
  const given = request.headers['x-csrf-token'];
  const ok =
    typeof given === 'string' &&
    given !== '' &&
    expected.some((token) => token !== undefined && sameText(given, token));
  if (!ok) throw adminErrors.csrfToken();
}

/** Compares in constant time (hashing first makes the lengths equal). */
function sameText(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
