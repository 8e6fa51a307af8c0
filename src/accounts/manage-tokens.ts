import type { Kysely } from 'kysely';
import { accountMessages } from '../errors/index.js';
import type { IssuedToken } from '../shared/tokens.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { planNamed } from './plans.js';
import type { TokenKind } from './token-secret.js';
import { createToken, summarizeToken, type TokenSummary } from './tokens.js';

/** A feature the account's plan does not include (the admin API answers the contract's 403). */
export class PlanFeatureError extends Error {}

interface AccountRef {
  id: number;
  plan: string;
}

function checkKind(account: AccountRef, kind: TokenKind): void {
  // Existing write tokens keep working for reads; new ones are only issued where they can write.
  if (kind === 'write' && !planNamed(account.plan)?.writeApi)
    throw new PlanFeatureError(accountMessages.noWriteApi(account.plan));
}

async function issue(
  db: Kysely<Database>,
  accountId: number,
  kind: TokenKind,
  label: string,
  now: Date,
): Promise<IssuedToken> {
  const { id, token } = await createToken(db, accountId, kind, label, now);
  const row = await db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { ...summarizeToken(row), token };
}

/** Creates a read or write token for an account. Throws PlanFeatureError for a write token the plan cannot use. */
export async function createAccountToken(
  db: Kysely<Database>,
  account: AccountRef,
  kind: TokenKind,
  label: string,
  now = new Date(),
): Promise<IssuedToken> {
  checkKind(account, kind);
  return issue(db, account.id, kind, label, now);
}

/**
 * Replaces an active token of the account with a new one of the same kind and label, in one
 * transaction: the old one is refused from the next request. Null when there is no such active token.
 */
export async function rotateAccountToken(
  db: Kysely<Database>,
  account: AccountRef,
  tokenId: number,
  now = new Date(),
): Promise<IssuedToken | null> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .updateTable('tokens')
      .set({ revoked_at: isoMicro(now) })
      .where('id', '=', tokenId)
      .where('account_id', '=', account.id)
      .where('revoked_at', 'is', null)
      .returning(['kind', 'label'])
      .executeTakeFirst();
    if (!old) return null;
    checkKind(account, old.kind);
    return issue(trx, account.id, old.kind, old.label, now);
  });
}

/** Revokes a token of the account (again: no change). Null when the account has no such token. */
export async function revokeAccountToken(
  db: Kysely<Database>,
  accountId: number,
  tokenId: number,
  now = new Date(),
): Promise<TokenSummary | null> {
  await db
    .updateTable('tokens')
    .set({ revoked_at: isoMicro(now) })
    .where('id', '=', tokenId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('tokens')
    .selectAll()
    .where('id', '=', tokenId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? summarizeToken(row) : null;
}
