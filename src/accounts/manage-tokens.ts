import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { accountMessages } from '../errors/index.js';
import type { IssuedToken } from '../shared/tokens.js';
import type { Database } from '../store/tables.js';
import { replacePreviewSecret } from '../preview/preview-secret.js';
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

/** What a token's audit record says of it: never the token itself. */
function described(token: { kind: string; label: string }) {
  return { kind: token.kind, label: token.label };
}

/**
 * Issues a token with its `token.create` audit record, in one transaction, whatever the plan
 * (the CLI's operator may; the admin API goes through createAccountToken).
 */
export async function issueToken(
  db: Kysely<Database>,
  accountId: number,
  kind: TokenKind,
  label: string,
  actor: Actor,
  now = new Date(),
): Promise<IssuedToken> {
  return db.transaction().execute(async (trx) => {
    const issued = await issue(trx, accountId, kind, label, now);
    const entry = { accountId, action: 'token.create', kind: 'token', targetId: issued.id, detail: described(issued) };
    await recordAudit(trx, actor, [entry], now);
    return issued;
  });
}

/** Creates a read or write token for an account. Throws PlanFeatureError for a write token the plan cannot use. */
export async function createAccountToken(
  db: Kysely<Database>,
  account: AccountRef,
  kind: TokenKind,
  label: string,
  actor: Actor,
  now = new Date(),
): Promise<IssuedToken> {
  checkKind(account, kind);
  return issueToken(db, account.id, kind, label, actor, now);
}

/**
 * Replaces an active token of the account with a new one of the same kind and label, in one
 * transaction: the old one is refused from the next request. Null when there is no such active token.
 */
export async function rotateAccountToken(
  db: Kysely<Database>,
  account: AccountRef,
  tokenId: number,
  actor: Actor,
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
    // Rotating any token ends the account's preview tokens too (docs/api.md §13.4).
    await replacePreviewSecret(trx, account.id, now);
    const issued = await issue(trx, account.id, old.kind, old.label, now);
    const detail = { ...described(old), replaced_by: issued.id };
    await recordAudit(
      trx,
      actor,
      [{ accountId: account.id, action: 'token.rotate', kind: 'token', targetId: tokenId, detail }],
      now,
    );
    return issued;
  });
}

/**
 * Revokes a token of the account, with its `token.revoke` audit record (again: no change, no
 * record). Null when the account has no such token.
 */
export async function revokeAccountToken(
  db: Kysely<Database>,
  accountId: number,
  tokenId: number,
  actor: Actor,
  now = new Date(),
): Promise<TokenSummary | null> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('tokens')
      .set({ revoked_at: isoMicro(now) })
      .where('id', '=', tokenId)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .returning(['kind', 'label'])
      .executeTakeFirst();
    if (revoked) {
      await replacePreviewSecret(trx, accountId, now);
      const detail = described(revoked);
      await recordAudit(
        trx,
        actor,
        [{ accountId, action: 'token.revoke', kind: 'token', targetId: tokenId, detail }],
        now,
      );
    }
    const row = await trx
      .selectFrom('tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row ? summarizeToken(row) : null;
  });
}
