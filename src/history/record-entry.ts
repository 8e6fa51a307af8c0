import type { Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ContentType } from '../content/account-schema.js';
import type { SubjectKind } from '../store/history-tables.js';
import type { Database } from '../store/tables.js';
import { recordVersions } from './record-version.js';

/** What a page type's or collection's entries are called in history, trash and audit. */
export function entryKind(type: ContentType): SubjectKind {
  return type.kind === 'collection' ? 'item' : 'page';
}

/** One entry a write changed. */
export interface EntryChanged {
  type: ContentType;
  entryId: number;
  /** `create`, `update`, `publish`, `unpublish`, `restore`: the audit record's action. */
  action: string;
}

/**
 * Keeps the newest version of every locale of the entries a write changed (the `latest`
 * channel, after the write: shared fields it copied into other locales included) and one audit
 * record per entry (unless `audit` is false), in the write's transaction.
 */
export async function recordEntryHistory(
  trx: Transaction<Database>,
  accountId: number,
  actor: Actor,
  changed: EntryChanged[],
  options: { now: Date; restoredFrom?: number | null; audit?: boolean },
): Promise<void> {
  if (!changed.length) return;
  const ids = changed.map((c) => c.entryId);
  const rows = await trx
    .selectFrom('entry_versions as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .select(['v.entry_id', 'v.locale', 'v.status', 'v.name', 'v.fields', 'e.slug'])
    .where('v.entry_id', 'in', ids)
    .where('v.channel', '=', 'latest')
    .execute();
  const byId = new Map(changed.map((c) => [c.entryId, c]));
  await recordVersions(
    trx,
    actor,
    rows.map((r) => {
      const c = byId.get(r.entry_id)!;
      return {
        accountId,
        kind: entryKind(c.type),
        subjectId: r.entry_id,
        typeId: c.type.id,
        locale: r.locale,
        status: r.status,
        name: r.name,
        slug: r.slug,
        fields: r.fields,
        created: c.action === 'create',
      };
    }),
    options,
  );
  // A change that is part of another one (a media file replaced everywhere) has that one's record.
  if (options.audit === false) return;
  const slugs = new Map(rows.map((r) => [r.entry_id, r.slug]));
  await recordAudit(
    trx,
    actor,
    changed.map((c) => ({
      accountId,
      action: c.action,
      kind: entryKind(c.type),
      targetId: c.entryId,
      targetSlug: slugs.get(c.entryId) ?? null,
      detail: { type: c.type.key, ...(options.restoredFrom && { version: options.restoredFrom }) },
    })),
    options.now,
  );
}
