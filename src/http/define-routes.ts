import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../accounts/find-caller.js';
import type { AccountSchema } from '../content/account-schema.js';
import { parseBool } from '../params/query-bool.js';
import { readQuery } from '../preview/preview-query.js';
import { checkPlan, identify, type AuthNeed } from './auth.js';
import type { AppContext } from './context.js';
import { answerPreflight } from './cors.js';
import { methodRoutes, METHODS, type Method, type MethodRoute } from './method-routes.js';
import { sendJson } from './send.js';
import { cacheKey } from '../cache/cache-key.js';
import { makeAnswer } from '../cache/make-answer.js';
import { sendAnswer } from './send-answer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated /v2 caller, set once its checks passed (null before, and on other routes). */
    apiCaller: Caller | null;
  }
}

/** What an endpoint's handler gets: the caller, its schema snapshot and the parsed request. */
export interface ApiCall {
  ctx: AppContext;
  caller: Caller;
  schema: AccountSchema;
  request: FastifyRequest;
  query: Record<string, string>;
  params: Record<string, string>;
  /** What the answer depends on (cache tags); endpoints and the renderer add to it. */
  deps: Set<string>;
  /** How long the answer may be cached: `until` (epoch ms) when it goes stale by itself. */
  cache: { until: number | null };
}

export interface Endpoint {
  auth: AuthNeed;
  /** Returns the body to send (status 200 unless given), or null for an empty 204. */
  handle(call: ApiCall): Promise<{ status?: number; body: unknown } | null>;
}

/**
 * Registers the endpoints of one path, and a 405 with `Allow` for its other methods
 * (after the route check, before authentication: docs/api.md §9); OPTIONS is the CORS preflight.
 */
export function defineRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  url: string,
  endpoints: Partial<Record<Method, Endpoint>>,
): void {
  if (!app.hasRequestDecorator('apiCaller')) app.decorateRequest('apiCaller', null);
  const routes: Partial<Record<Method, MethodRoute>> = {};
  for (const method of METHODS.filter((m) => endpoints[m])) {
    const endpoint = endpoints[method]!;
    routes[method] = {
      // Authentication, quota and plan run before the body is parsed, in the order of docs/api.md §9:
      // a 401, 429 or 403 wins over a bad body.
      onRequest: async (request, reply) => {
        const caller = await identify(ctx, request, endpoint.auth);
        reply.headers(await ctx.meter.count(caller));
        checkPlan(caller, endpoint.auth);
        request.apiCaller = caller;
      },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        let caller = request.apiCaller!;
        // A preview token's reads are preview=1 reads, for the endpoint and the cache key alike.
        const query = readQuery(caller, request.query as Record<string, string>);
        const cached = method === 'GET';
        let key: string | null = null;
        // A read sees what its schedule says at its instant; the answer is kept until the next change.
        const settled = await ctx.schedule.settle(caller.accountId, caller.contentVersion, ctx.clock());
        caller = { ...caller, contentVersion: settled.contentVersion };
        if (cached) {
          await ctx.cache.sync(caller);
          key = cacheKey(caller, request.url, query);
          const hit = ctx.cache.get(key);
          if (hit)
            return sendAnswer(request, reply, hit, {
              store: ctx.cache,
              key,
              accountId: caller.accountId,
              state: 'hit',
              now: ctx.clock().getTime(),
            });
        }
        const schema = await ctx.schemas.get(caller.accountId, caller.schemaVersion);
        const deps = new Set<string>();
        const params = request.params as Record<string, string>;
        const cacheFor = { until: settled.next };
        const result = await endpoint.handle({ ctx, caller, schema, request, query, params, deps, cache: cacheFor });
        if (result === null) return reply.code(204).send();
        const status = result.status ?? 200;
        if (!cached || status !== 200) return sendJson(reply, status, result.body);
        const made = makeAnswer(result.body, deps, parseBool(query.preview) || parseBool(query.test));
        const answer = { ...made, expires: cacheFor.until };
        // An answer that names nothing it depends on could never be evicted: it is not kept.
        if (deps.size > 0) ctx.cache.put(caller, key!, answer);
        return sendAnswer(request, reply, answer, {
          store: ctx.cache,
          key: deps.size > 0 ? key : null,
          accountId: caller.accountId,
          state: 'miss',
          now: ctx.clock().getTime(),
        });
      },
    };
  }
  methodRoutes(app, url, routes, (reply, allow) => answerPreflight(reply.header('allow', allow)));
}
