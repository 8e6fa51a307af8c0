import type { FastifyRequest } from 'fastify';
import type { Caller } from '../accounts/find-caller.js';
import { planNamed } from '../accounts/plans.js';
import type { AppContext } from './context.js';
import { errors } from '../errors/index.js';

export type AuthNeed = 'read' | 'write';

/** The token of a request: the Authorization header (Token or Bearer) wins over `?auth_token=`. */
export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^(token|bearer) (.*)$/is.exec(header);
    if (match && match[2]) return match[2];
  }
  const query = request.query as Record<string, string | undefined>;
  const fromQuery = query.auth_token;
  return fromQuery ? fromQuery : null;
}

/**
 * Identifies the caller of a /v2 request (docs/api.md §2): 401 without a usable token, with an
 * unknown, revoked or expired one, or with a read or preview token on a write endpoint.
 */
export async function identify(ctx: AppContext, request: FastifyRequest, need: AuthNeed): Promise<Caller> {
  const token = tokenOf(request);
  if (!token) throw errors.noCredentials();
  const caller = await (ctx.findCaller ? ctx.findCaller(token) : ctx.callers.find(token, ctx.clock()));
  if (!caller) throw errors.invalidToken();
  // Read and preview tokens alike (docs/api.md §13.4).
  if (need === 'write' && caller.tokenKind !== 'write') throw errors.noCredentials();
  return caller;
}

/** The plan check (after the quota, docs/api.md §9): the write API needs a plan with it. */
export function checkPlan(caller: Caller, need: AuthNeed): void {
  if (need === 'write' && !planNamed(caller.plan)?.writeApi) throw errors.forbidden();
}
