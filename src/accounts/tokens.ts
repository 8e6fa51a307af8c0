import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { TokenSummary } from '../shared/tokens.js';
import type { Database, Token } from '../store/tables.js';
import { replacePreviewSecret } from '../preview/preview-secret.js';
import { isoMicro } from '../time.js';
import { generateToken, hashToken, type TokenKind } from './token-secret.js';

export type { TokenSummary };

/** Creates a token and returns it in full: the only time it is ever seen. */
export async function createToken(
  db: Kysely<Database>,
  accountId: number,
  kind: TokenKind,
  label = '',
  now = new Date(),
): Promise<{ id: number; token: string }> {
  const token = generateToken(kind);
  const row = await db
    .insertInto('tokens')
    .values({
      account_id: accountId,
      kind,
      hash: hashToken(token),
      prefix: token.slice(0, 7),
      last4: token.slice(-4),
      label,
      created: isoMicro(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export function summarizeToken(row: Token): TokenSummary {
  return {
    id: row.id,
    kind: row.kind,
    prefix: row.prefix,
    last4: row.last4,
    label: row.label,
    created: row.created,
    last_used: row.last_used,
    revoked: row.revoked_at !== null,
  };
}

/** Every token of an account, newest last, without secrets. */
export async function listTokens(db: Kysely<Database>, accountId: number): Promise<TokenSummary[]> {
  const rows = await db.selectFrom('tokens').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  return rows.map(summarizeToken);
}

/**
 * Revokes a token given in full or by id, with its `token.revoke` audit record. Returns the
 * revoked token's summary, or null when nothing matched. Revocation is immediate: auth reads the
 * token row on every request; the account's preview tokens end with it.
 */
export async function revokeToken(
  db: Kysely<Database>,
  tokenOrId: string,
  actor: Actor,
  now = new Date(),
): Promise<TokenSummary | null> {
  const byId = /^\d+$/.test(tokenOrId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('tokens')
      .set({ revoked_at: isoMicro(now) })
      .where(byId ? 'id' : 'hash', '=', byId ? Number(tokenOrId) : hashToken(tokenOrId))
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    // Revoking any token ends the account's preview tokens too (docs/api.md §13.4).
    await replacePreviewSecret(trx, row.account_id, now);
    const detail = { kind: row.kind, label: row.label };
    await recordAudit(
      trx,
      actor,
      [{ accountId: row.account_id, action: 'token.revoke', kind: 'token', targetId: row.id, detail }],
      now,
    );
    return summarizeToken(row);
  });
}
