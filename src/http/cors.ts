import type { FastifyReply } from 'fastify';

export const CORS_ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** Answers a CORS preflight (docs/api.md §1): no token, not metered. */
export function answerPreflight(reply: FastifyReply): FastifyReply {
  return reply
    .code(204)
    .header('access-control-allow-methods', CORS_ALLOW_METHODS)
    .header('access-control-allow-headers', 'Authorization, Content-Type, X-Butter-Client')
    .header('access-control-max-age', '86400')
    .send();
}

/** True for the API's own paths (`/v2`, `/v2/...`, `/v2?...`), which carry the CORS header. */
export function isV2(url: string): boolean {
  return url === '/v2' || url.startsWith('/v2/') || url.startsWith('/v2?');
}
