import type { FastifyRequest } from 'fastify';
import { findCaller, type Caller } from '../accounts/find-caller.js';
import { DEFAULT_PLANS } from '../accounts/plans.js';
import type { AppContext } from './context.js';
import { errors } from './errors.js';

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
 * Authenticates a /v2 request (API.md section 2): 401 without a usable token or with a read
 * token on a write endpoint, 403 for the write API on a plan without it.
 */
export async function authenticate(ctx: AppContext, request: FastifyRequest, need: AuthNeed): Promise<Caller> {
  const token = tokenOf(request);
  if (!token) throw errors.noCredentials();
  const caller = await findCaller(ctx.store.db, token);
  if (!caller) throw errors.invalidToken();
  if (need === 'write' && caller.tokenKind !== 'write') throw errors.noCredentials();
  if (need === 'write' && !DEFAULT_PLANS[caller.plan]?.writeApi) throw errors.forbidden();
  return caller;
}
