import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The preview token's text (docs/api.md §13.4): `ghee_p_<account>_<expires>_<nonce>_<signature>`,
// the signature an HMAC-SHA256 of everything before it under the account's preview secret. Only
// [A-Za-z0-9_] and at most 200 characters, like every token (src/accounts/token-secret.ts).

export const PREVIEW_PREFIX = 'ghee_p_';

const SHAPE = /^ghee_p_([1-9]\d{0,15})_([1-9]\d{0,15})_([0-9a-f]{16})_([0-9a-f]{64})$/;

/** What a preview token says of itself; only its signature makes it true. */
export interface PreviewClaims {
  accountId: number;
  /** Epoch milliseconds from which the token is refused. */
  expires: number;
}

/** A token read apart: its claims, the text its signature covers, and the signature. */
export interface ReadToken extends PreviewClaims {
  signed: string;
  signature: string;
}

/** Whether a token is meant as a preview token (its prefix), before anything is checked. */
export function isPreviewToken(token: string): boolean {
  return token.startsWith(PREVIEW_PREFIX);
}

/** A new secret to sign an account's preview tokens with: 32 random bytes, as hex. */
export function newPreviewSecret(): string {
  return randomBytes(32).toString('hex');
}

function sign(secret: string, signed: string): string {
  return createHmac('sha256', Buffer.from(secret, 'hex')).update(signed, 'utf8').digest('hex');
}

/** A preview token carrying these claims, signed with the account's secret. */
export function signPreviewToken(secret: string, claims: PreviewClaims): string {
  const signed = `${PREVIEW_PREFIX}${claims.accountId}_${claims.expires}_${randomBytes(8).toString('hex')}`;
  return `${signed}_${sign(secret, signed)}`;
}

/** The parts of a well-formed preview token, or null (its signature is not checked here). */
export function readPreviewToken(token: string): ReadToken | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const accountId = Number(match[1]);
  const expires = Number(match[2]);
  if (!Number.isSafeInteger(accountId) || !Number.isSafeInteger(expires)) return null;
  const signature = match[4]!;
  return { accountId, expires, signed: token.slice(0, -signature.length - 1), signature };
}

/** Whether the token was signed with this secret, compared in constant time. */
export function signedWith(secret: string, token: ReadToken): boolean {
  const expected = Buffer.from(sign(secret, token.signed), 'hex');
  const given = Buffer.from(token.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
