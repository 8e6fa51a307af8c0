import type { FastifyReply } from 'fastify';
import { SESSION_MAX_MS } from '../users/sessions.js';
import { serializeCookie } from './cookies.js';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/admin, Secure when PUBLIC_URL is https. */
export const SESSION_COOKIE = 'ghee_session';
/** The CSRF token of a browser that has not signed in yet (the sign-in form's double submit). */
export const CSRF_COOKIE = 'ghee_csrf';

// The dashboard and its API live under /admin: the cookies never travel with /v2 or /media requests.
const PATH = '/admin';
const CSRF_MAX_AGE = 24 * 3600;

function secure(publicUrl: string): boolean {
  return publicUrl.startsWith('https:');
}

/** Sets (token) or deletes (null) the session cookie. */
export function setSessionCookie(reply: FastifyReply, token: string | null, publicUrl: string): void {
  const maxAge = token === null ? 0 : Math.floor(SESSION_MAX_MS / 1000);
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, token ?? '', { path: PATH, maxAge, secure: secure(publicUrl) }),
  );
}

/** Sets (token) or deletes (null) the pre-sign-in CSRF cookie. */
export function setCsrfCookie(reply: FastifyReply, token: string | null, publicUrl: string): void {
  const maxAge = token === null ? 0 : CSRF_MAX_AGE;
  reply.header(
    'set-cookie',
    serializeCookie(CSRF_COOKIE, token ?? '', { path: PATH, maxAge, secure: secure(publicUrl) }),
  );
}
