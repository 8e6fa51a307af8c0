import type { FastifyInstance } from 'fastify';
import { bodyObject, optionalString } from '../../api/write/body.js';
import { userActor } from '../../audit/actor.js';
import type { AppContext } from '../../http/context.js';
import { adminErrors, errors, messages } from '../../errors/index.js';
import { membershipsOf } from '../../users/memberships.js';
import { endSession, randomToken } from '../../users/sessions.js';
import { signIn } from '../../users/sign-in.js';
import { adminRoutes, type AdminCall } from '../admin-routes.js';
import { parseCookies } from '../cookies.js';
import { CSRF_COOKIE, setCsrfCookie, setSessionCookie } from '../session-cookie.js';

/** The session document: who is signed in, their accounts and roles, and the CSRF token to send back. */
async function sessionBody(
  call: AdminCall,
  user: { id: number; email: string; name: string } | null,
  csrfToken: string,
) {
  const memberships = user ? await membershipsOf(call.ctx.store.db, user.id) : [];
  return { body: { data: { user, memberships, csrf_token: csrfToken } } };
}

/** POST /admin/api/sign-in, POST /admin/api/sign-out, GET /admin/api/session. */
export function registerSessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, '/admin/api/sign-in', {
    POST: {
      access: 'public',
      async handle(call) {
        const body = bodyObject(call.request.body, ['email', 'password']);
        const email = optionalString(body, 'email') ?? '';
        const password = optionalString(body, 'password') ?? '';
        const missing: Record<string, string[]> = {};
        if (!email) missing.email = [messages.required];
        if (!password) missing.password = [messages.required];
        if (Object.keys(missing).length) throw errors.validation(missing);
        const result = await signIn(ctx.store, { email, password, ip: call.request.ip }, ctx.clock(), call.request);
        if (!result.ok)
          throw result.reason === 'limited'
            ? adminErrors.tooManyAttempts(result.retryAfter)
            : adminErrors.badCredentials();
        setSessionCookie(call.reply, result.token, ctx.config.publicUrl);
        setCsrfCookie(call.reply, null, ctx.config.publicUrl);
        const { id, email: address, name } = result.user;
        return sessionBody(call, { id, email: address, name }, result.csrfToken);
      },
    },
  });

  adminRoutes(app, ctx, '/admin/api/sign-out', {
    POST: {
      access: 'signed-in',
      async handle(call) {
        const session = call.session!;
        await endSession(ctx.store.db, session, userActor(session, call.request), ctx.clock());
        setSessionCookie(call.reply, null, ctx.config.publicUrl);
        return null;
      },
    },
  });

  adminRoutes(app, ctx, '/admin/api/session', {
    GET: {
      access: 'public',
      async handle(call) {
        const { session } = call;
        if (session)
          return sessionBody(call, { id: session.userId, email: session.email, name: session.name }, session.csrfToken);
        // Not signed in: the token the sign-in form must send back, kept in a cookie of this browser.
        const existing = parseCookies(call.request.headers.cookie).get(CSRF_COOKIE);
        const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
        setCsrfCookie(call.reply, token, ctx.config.publicUrl);
        return sessionBody(call, null, token);
      },
    },
  });
}
