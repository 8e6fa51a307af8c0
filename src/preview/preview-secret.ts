import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { newPreviewSecret } from './preview-token.js';

// An account's preview secret (migration 018): made at its first preview token, replaced when
// any of its API tokens is rotated or revoked. It never leaves this folder and the database.

/** The account's preview secret, made now if it has none (two first mints at once agree on one). */
export async function previewSecretOf(db: Kysely<Database>, accountId: number, now: Date): Promise<string> {
  const found = await secretOf(db, accountId);
  if (found !== undefined) return found;
  await db
    .insertInto('preview_secrets')
    .values({ account_id: accountId, secret: newPreviewSecret(), created: isoMicro(now) })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
  const made = await secretOf(db, accountId);
  if (made === undefined) throw new Error(`no preview secret for account ${accountId}`);
  return made;
}

/**
 * Gives the account a new preview secret in the caller's transaction, so that every preview token
 * signed so far is refused from the commit on. An account that never had one has none to replace.
 */
export async function replacePreviewSecret(trx: Transaction<Database>, accountId: number, now: Date): Promise<void> {
  await trx
    .updateTable('preview_secrets')
    .set({ secret: newPreviewSecret(), created: isoMicro(now) })
    .where('account_id', '=', accountId)
    .execute();
}

async function secretOf(db: Kysely<Database>, accountId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('preview_secrets')
    .select('secret')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.secret;
}
