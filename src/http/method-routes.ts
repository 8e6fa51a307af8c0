import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RouteHandlerMethod,
} from 'fastify';
import { errors } from '../errors/index.js';

/** The methods an endpoint may have; HEAD comes with GET (Fastify's), OPTIONS is the preflight's. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** One method's route: its checks (before the body is read) and its handler. */
export interface MethodRoute {
  onRequest: onRequestAsyncHookHandler;
  handler: RouteHandlerMethod;
}

/**
 * Registers one route per method of `routes` at `url`, and one for the other methods that answers
 * the 405 with `Allow` (HEAD included when GET is there) in `onRequest`: after the route check,
 * before authentication and before the body is read, so a wrong method is a 405 whatever it carries
 * (docs/api.md §9). Both APIs register through this. With `preflight`, OPTIONS goes to that route
 * too and is answered by it, given the `Allow` value.
 */
export function methodRoutes(
  app: FastifyInstance,
  url: string,
  routes: Partial<Record<Method, MethodRoute>>,
  preflight?: (reply: FastifyReply, allow: string) => unknown,
): void {
  const allowed = METHODS.filter((m) => routes[m]);
  for (const method of allowed) app.route({ method, url, ...routes[method]! });
  const others: string[] = METHODS.filter((m) => !routes[m]);
  if (preflight) others.push('OPTIONS');
  if (others.length === 0) return;
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])];
  app.route({
    method: others,
    url,
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      if (preflight && request.method === 'OPTIONS') return preflight(reply, allow.join(', '));
      throw errors.methodNotAllowed(request.method, allow);
    },
    handler: async () => {
      throw errors.internal();
    },
  });
}
