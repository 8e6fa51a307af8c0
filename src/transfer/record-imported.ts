import type { Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { ContentType } from '../content/account-schema.js';
import { chunks, LOOKUP_CHUNK } from '../content/write/reference-limits.js';
import { recordEntryHistory } from '../history/record-entry.js';
import { recordPostHistory } from '../history/record-post.js';
import type { Database } from '../store/tables.js';

/**
 * The history of content an archive without history brings (made before it, or with
 * `--no-history`): one version of each entry (every locale) or post written, and its audit
 * record (`create`, or `update` for one it replaced), by the import, in the step's transaction.
 */
export async function recordImportedEntries(
  trx: Transaction<Database>,
  accountId: number,
  actor: Actor,
  written: { type: ContentType; id: number; replaced: boolean }[],
  now: Date,
): Promise<void> {
  for (const slice of chunks(written, LOOKUP_CHUNK)) {
    const changed = slice.map((w) => ({ type: w.type, entryId: w.id, action: w.replaced ? 'update' : 'create' }));
    await recordEntryHistory(trx, accountId, actor, changed, { now });
  }
}

/** As recordImportedEntries, for posts. */
export async function recordImportedPosts(
  trx: Transaction<Database>,
  accountId: number,
  actor: Actor,
  written: { id: number; replaced: boolean }[],
  now: Date,
): Promise<void> {
  for (const post of written)
    await recordPostHistory(trx, accountId, actor, post.id, post.replaced ? 'update' : 'create', { now });
}
