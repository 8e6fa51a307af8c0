import type { Kysely } from 'kysely';
import { publishDueAccountPosts } from '../blog/scheduler/publish-due.js';
import { loadAccountSchema } from '../content/account-schema.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { accountsDue } from './next-due.js';
import { publishDueEntries } from './publish-due-entries.js';
import { unpublishDueEntries, unpublishDuePosts } from './unpublish-due.js';

/** What one pass changed. */
export interface AppliedChanges {
  /** Pages and items published, and taken off the air. */
  entriesPublished: number;
  entriesUnpublished: number;
  /** Ids of the posts published; how many posts were taken off the air. */
  postsPublished: number[];
  postsUnpublished: number;
}

/**
 * Applies every scheduled change due at `now`, of one account or (none given) of all, each
 * account in one transaction: publications first, then what goes off the air, so an entry due
 * for both ends the pass unpublished. Every step is a conditional UPDATE, so the scheduler and
 * any number of reads on any nodes may run this at once and each change happens exactly once.
 */
export async function applyDue(db: Kysely<Database>, now: Date, accountId?: number): Promise<AppliedChanges> {
  const out: AppliedChanges = { entriesPublished: 0, entriesUnpublished: 0, postsPublished: [], postsUnpublished: 0 };
  const accounts = accountId === undefined ? await accountsDue(db, isoMicro(now)) : [accountId];
  for (const id of accounts) {
    const account = await db.selectFrom('accounts').select('schema_version').where('id', '=', id).executeTakeFirst();
    if (!account) continue;
    const schema = await loadAccountSchema(db, id, account.schema_version);
    await db.transaction().execute(async (trx) => {
      out.entriesPublished += await publishDueEntries(trx, schema, now);
      out.postsPublished.push(...(await publishDueAccountPosts(trx, id, now)));
      out.entriesUnpublished += await unpublishDueEntries(trx, schema, now);
      out.postsUnpublished += await unpublishDuePosts(trx, id, now);
    });
  }
  return out;
}

/** True when the pass changed anything. */
export function changedAnything(c: AppliedChanges): boolean {
  return c.entriesPublished + c.entriesUnpublished + c.postsPublished.length + c.postsUnpublished > 0;
}
