import type { ErrorHints } from '../errors/index.js';
import { rateLimitHeaders } from '../quota/rate-limit-headers.js';

/** The headers an error answer carries, from what the error says it needs. */
export function errorHeaders(hints: ErrorHints): Record<string, string> {
  return {
    ...(hints.quota && rateLimitHeaders(hints.quota)),
    ...(hints.tokenChallenge && { 'www-authenticate': 'Token' }),
    ...(hints.allowedMethods && { allow: hints.allowedMethods.join(', ') }),
    ...(hints.retryAfter !== undefined && { 'retry-after': String(hints.retryAfter) }),
  };
}
