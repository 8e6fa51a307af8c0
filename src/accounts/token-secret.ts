import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenKind } from '../shared/tokens.js';

export type { TokenKind };

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 40;

const PREFIX: Record<TokenKind, string> = { read: 'ghee_r_', write: 'ghee_w_' };

/** A new token: its recognisable prefix and 40 random base62 characters (about 238 bits). */
export function generateToken(kind: TokenKind): string {
  let out = '';
  while (out.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 * 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < RANDOM_LENGTH) out += BASE62[byte % 62];
    }
  }
  return PREFIX[kind] + out;
}

/** The stored form of a token. Tokens are high-entropy, so a plain SHA-256 is enough. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only these characters can ever be part of a token: anything else is refused before any lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_]{1,200}$/.test(value);
}
