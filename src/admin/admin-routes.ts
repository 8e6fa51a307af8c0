import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountSchema } from '../content/account-schema.js';
import type { AppContext } from '../http/context.js';
import { methodRoutes, METHODS, type Method, type MethodRoute } from '../http/method-routes.js';
import { sendJson } from '../http/send.js';
import { positiveId } from '../params/positive-id.js';
import type { Account } from '../store/tables.js';
import { membershipIn } from '../users/memberships.js';
import { roleAtLeast, type Role } from '../users/roles.js';
import { findSession, type SessionUser } from '../users/sessions.js';
import { adminErrors } from '../errors/index.js';
import { parseCookies } from './cookies.js';
import { checkCsrfToken, checkOrigin, UNSAFE_METHODS } from './csrf.js';
import { readLimiterOf } from './read-limiter.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The admin call, set once its checks passed (null before, and on other routes). */
    adminCall: AdminCall | null;
  }
}

/** What every admin handler gets. */
export interface AdminCall {
  ctx: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
  query: Record<string, string>;
  params: Record<string, string>;
  /** The signed-in user; null only on public endpoints. */
  session: SessionUser | null;
}

/** What a handler of an account's endpoint gets: the account, the caller's role in it, its schema. */
export interface AccountCall extends AdminCall {
  session: SessionUser;
  account: Account;
  role: Role;
  schema(): Promise<AccountSchema>;
}

/** A handler's answer: a body (status 200 unless given), or null for an empty 204. */
export type AdminResult = Promise<{ status?: number; body: unknown } | null>;

/** An endpoint that needs no session (`public`) or any session (`signed-in`). */
export interface SessionEndpoint {
  access: 'public' | 'signed-in';
  handle(call: AdminCall): AdminResult;
}

/** An endpoint of `/admin/api/accounts/:accountId/...`, open to members with at least `access`. */
export interface AccountEndpoint {
  access: Role;
  handle(call: AccountCall): AdminResult;
}

/**
 * Registers the admin endpoints of one path, and a 405 with `Allow` for its other methods. Every
 * check runs before the body is read, in this order: session (401), CSRF on state-changing
 * methods (403), membership of the account (404, so other accounts do not exist), role (403).
 */
export function adminRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  url: string,
  endpoints: Partial<Record<Method, SessionEndpoint | AccountEndpoint>>,
): void {
  if (!app.hasRequestDecorator('adminCall')) app.decorateRequest('adminCall', null);
  const routes: Partial<Record<Method, MethodRoute>> = {};
  for (const method of METHODS.filter((m) => endpoints[m])) {
    const endpoint = endpoints[method]!;
    routes[method] = {
      onRequest: async (request, reply) => {
        request.adminCall = await authorize(ctx, request, reply, endpoint.access);
      },
      handler: async (request, reply) => {
        const result = await (endpoint.handle as (c: AdminCall) => AdminResult)(request.adminCall!);
        if (result === null) return reply.code(204).send();
        return sendJson(reply, result.status ?? 200, result.body);
      },
    };
  }
  methodRoutes(app, url, routes);
}

async function authorize(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  access: SessionEndpoint['access'] | Role,
): Promise<AdminCall> {
  const cookies = parseCookies(request.headers.cookie);
  const token = cookies.get(SESSION_COOKIE);
  const session = token ? await findSession(ctx.store.db, token, ctx.clock()) : null;
  if (access !== 'public' && !session) throw adminErrors.notSignedIn();
  if (UNSAFE_METHODS.has(request.method)) {
    checkOrigin(request, ctx.config.publicUrl);
    // Before sign-in the browser's token is in its ghee_csrf cookie; after, in its session, and
    // only the session's counts (a cookie planted by a sibling domain must not stand in for it).
    checkCsrfToken(
      request,
      access === 'public' ? [session?.csrfToken, cookies.get(CSRF_COOKIE)] : [session?.csrfToken],
    );
  }
  const base: AdminCall = {
    ctx,
    request,
    reply,
    session,
    query: request.query as Record<string, string>,
    params: request.params as Record<string, string>,
  };
  if (access === 'public' || access === 'signed-in') return base;
  const accountId = positiveId(base.params.accountId);
  const membership = accountId === null ? undefined : await membershipIn(ctx.store.db, session!.userId, accountId);
  if (!membership) throw adminErrors.notFound();
  const { role, account } = membership;
  if (!roleAtLeast(role, access)) throw adminErrors.forbidden();
  // The dashboard shows content as readers see it at this instant: what is due is applied first.
  await ctx.schedule.settle(account.id, account.content_version, ctx.clock());
  // An account's data read through the dashboard is not metered like /v2, but limited per user.
  if (request.method === 'GET') {
    const wait = readLimiterOf(ctx).take(session!.userId);
    if (wait > 0) throw adminErrors.readsThrottled(wait);
  }
  const call: AccountCall = {
    ...base,
    session: session!,
    account,
    role,
    schema: () => ctx.schemas.get(account.id, account.schema_version),
  };
  return call;
}
