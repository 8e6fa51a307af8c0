import { CompiledQuery, type Kysely } from 'kysely';
import { findPreviewCaller } from '../preview/find-preview-caller.js';
import { isPreviewToken } from '../preview/preview-token.js';
import type { Database } from '../store/tables.js';
import { hashToken, looksLikeToken, sameHash, type TokenKind } from './token-secret.js';

/** The account and token kind behind an API token. */
export interface Caller {
  /** The token's row; 0 for a preview token, which has none (src/preview/). */
  tokenId: number;
  /** A preview token reads as a read token with `preview=1` on (docs/api.md §13.4). */
  tokenKind: TokenKind | 'preview';
  /** The token's label: how versions and audit records name what it did. */
  tokenLabel: string;
  accountId: number;
  accountSlug: string;
  plan: string;
  monthlyCallLimit: number | null;
  billingAnchorDay: number;
  schemaVersion: number;
  contentVersion: number;
}

/**
 * Looks a token up by its hash, in one query with its account. Read on every request, so a
 * revocation or plan change made by any process counts from the next request on. A preview token
 * is checked by its signature instead, and refused from its expiry on (`now`).
 */
export async function findCaller(db: Kysely<Database>, token: string, now = new Date()): Promise<Caller | null> {
  if (!looksLikeToken(token)) return null;
  if (isPreviewToken(token)) return findPreviewCaller(db, token, now);
  const hash = hashToken(token);
  const result = await db.executeQuery<Caller & { hash: string }>(CompiledQuery.raw(lookupSql(db), [hash]));
  const row = result.rows[0];
  // The index found the row; the constant-time comparison keeps the final check free of timing.
  if (!row || !sameHash(row.hash, hash)) return null;
  const { hash: _hash, ...caller } = row;
  return caller;
}

/** What a caller carries of its account (`a`), whatever kind of token it came with. */
export const CALLER_ACCOUNT = [
  'a.id as accountId',
  'a.slug as accountSlug',
  'a.plan as plan',
  'a.monthly_call_limit as monthlyCallLimit',
  'a.billing_anchor_day as billingAnchorDay',
  'a.schema_version as schemaVersion',
  'a.content_version as contentVersion',
] as const;

// The lookup runs on every request: its SQL is compiled once per database, not per call.
const compiled = new WeakMap<Kysely<Database>, string>();

function lookupSql(db: Kysely<Database>): string {
  let text = compiled.get(db);
  if (text === undefined) {
    text = db
      .selectFrom('tokens as t')
      .innerJoin('accounts as a', 'a.id', 't.account_id')
      .select(['t.id as tokenId', 't.kind as tokenKind', 't.label as tokenLabel', 't.hash as hash', ...CALLER_ACCOUNT])
      .where('t.hash', '=', '')
      .where('t.revoked_at', 'is', null)
      .compile().sql;
    compiled.set(db, text);
  }
  return text;
}
