import type { Kysely } from 'kysely';
import { CALLER_ACCOUNT, type Caller } from '../accounts/find-caller.js';
import type { Database } from '../store/tables.js';
import { readPreviewToken, signedWith } from './preview-token.js';

/** How versions and audit records would name a preview caller (it cannot write: docs/api.md §13.4). */
export const PREVIEW_TOKEN_LABEL = 'preview token';

/**
 * The caller behind a preview token, or null when it is malformed, expired at `now`, of an account
 * that is gone, or signed with another secret than the account's (tampered, or signed before one
 * of the account's tokens was rotated or revoked). Every refusal is the same 401 `Invalid token`.
 */
export async function findPreviewCaller(db: Kysely<Database>, token: string, now: Date): Promise<Caller | null> {
  const read = readPreviewToken(token);
  if (!read || read.expires <= now.getTime()) return null;
  const row = await db
    .selectFrom('accounts as a')
    .innerJoin('preview_secrets as p', 'p.account_id', 'a.id')
    .select(['p.secret as secret', ...CALLER_ACCOUNT])
    .where('a.id', '=', read.accountId)
    .executeTakeFirst();
  if (!row || !signedWith(row.secret, read)) return null;
  const { secret: _secret, ...account } = row;
  return { tokenId: 0, tokenKind: 'preview', tokenLabel: PREVIEW_TOKEN_LABEL, ...account };
}
