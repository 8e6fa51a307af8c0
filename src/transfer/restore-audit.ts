import type { Transaction } from 'kysely';
import { chunks, LOOKUP_CHUNK } from '../content/write/reference-limits.js';
import type { Database } from '../store/tables.js';
import type { ArchivedAudit } from './history-format.js';
import type { ImportedSubjects } from './imported-subjects.js';
import { trashedKey, type TrashedIds } from './restore-trash.js';

/**
 * Appends the archive's audit records to the account's log, oldest first, as they were (time,
 * actor, request, client, detail). A page's, item's or post's target names it by its id here
 * when the import brought it. A record the account already holds (same time, actor, action,
 * kind and target slug: an archive imported again) is not added twice. Returns how many.
 */
export async function restoreAudit(
  trx: Transaction<Database>,
  accountId: number,
  records: ArchivedAudit[],
  subjects: ImportedSubjects,
  trashed: TrashedIds,
): Promise<number> {
  let added = 0;
  for (const slice of chunks(records, LOOKUP_CHUNK)) {
    const held = await trx
      .selectFrom('audit_log')
      .select(['at', 'actor_type', 'actor_name', 'action', 'kind', 'target_slug'])
      .where('account_id', '=', accountId)
      .where('at', 'in', [...new Set(slice.map((r) => r.at))])
      .execute();
    const seen = new Set(held.map((h) => sameness(h.at, h.actor_type, h.actor_name, h.action, h.kind, h.target_slug)));
    const fresh = slice.filter(
      (r) => !seen.has(sameness(r.at, r.actor.type, r.actor.name, r.action, r.kind, r.target.slug)),
    );
    if (!fresh.length) continue;
    await trx
      .insertInto('audit_log')
      .values(
        fresh.map((r) => ({
          account_id: accountId,
          at: r.at,
          actor_type: r.actor.type,
          actor_name: r.actor.name,
          action: r.action,
          kind: r.kind,
          target_id: targetHere(r, subjects, trashed),
          target_slug: r.target.slug,
          request_id: r.request_id,
          client: r.client,
          detail: r.detail === null ? null : JSON.stringify(r.detail),
        })),
      )
      .execute();
    added += fresh.length;
  }
  return added;
}

function sameness(...parts: (string | null)[]): string {
  return JSON.stringify(parts);
}

/** The record's target id here: a page's, item's or post's as the import placed it, else as it was. */
function targetHere(r: ArchivedAudit, subjects: ImportedSubjects, trashed: TrashedIds): string | null {
  const old = Number(r.target.id);
  if (r.target.id === null || !Number.isSafeInteger(old)) return r.target.id;
  let here: number | undefined;
  if (r.kind === 'page' || r.kind === 'item') here = subjects.entryIds.get(old) ?? trashed.get(trashedKey(r.kind, old));
  else if (r.kind === 'post')
    here =
      trashed.get(trashedKey('post', old)) ?? (r.target.slug === null ? undefined : subjects.posts.get(r.target.slug));
  return here === undefined ? r.target.id : String(here);
}
