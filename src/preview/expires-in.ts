import { adminMessages, errors, messages } from '../errors/index.js';

/** The longest a preview token may live, in seconds: a week. */
export const PREVIEW_TTL_MAX = 604_800;

/**
 * `expires_in` of a mint request (docs/api.md §13.4): whole seconds from 1 to a week; absent or
 * null, `fallback` (PREVIEW_TOKEN_TTL). Anything else is a 400 field error on `expires_in`.
 */
export function parseExpiresIn(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const field = (message: string) => errors.validation({ expires_in: [message] });
  if (typeof value !== 'number' || !Number.isInteger(value)) throw field(adminMessages.integer);
  if (value < 1) throw field(messages.min(1));
  if (value > PREVIEW_TTL_MAX) throw field(messages.max(PREVIEW_TTL_MAX));
  return value;
}
