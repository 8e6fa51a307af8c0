import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { previewSecretOf } from './preview-secret.js';
import { signPreviewToken } from './preview-token.js';

/** A preview token just made, and when it stops working (ISO 8601 UTC, as the API writes times). */
export interface MintedPreviewToken {
  token: string;
  expires: string;
}

/**
 * Makes a preview token of the account that reads as `preview=1` until `expiresIn` seconds from
 * `now` (docs/api.md §13.4). Nothing is stored but the account's secret, made at its first mint:
 * the token proves itself by its signature.
 */
export async function mintPreviewToken(
  db: Kysely<Database>,
  accountId: number,
  expiresIn: number,
  now: Date,
): Promise<MintedPreviewToken> {
  const secret = await previewSecretOf(db, accountId, now);
  const expires = now.getTime() + expiresIn * 1000;
  return { token: signPreviewToken(secret, { accountId, expires }), expires: isoMicro(new Date(expires)) };
}
