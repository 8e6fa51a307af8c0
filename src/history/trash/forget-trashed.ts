import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { chunks, LOOKUP_CHUNK } from '../../content/write/reference-limits.js';
import type { SubjectKind } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';

/** What a purge needs of a trash row already taken out. */
export interface PurgedRow {
  account_id: number;
  kind: SubjectKind;
  subject_id: number;
  type_id: number | null;
  slug: string | null;
}

/**
 * Removes for good the history of trash rows already taken out (their subjects' `versions`),
 * with one `purge` audit record each, in the purge's transaction.
 */
export async function forgetTrashed(
  trx: Transaction<Database>,
  rows: PurgedRow[],
  actor: Actor,
  now: Date,
): Promise<void> {
  if (!rows.length) return;
  const groups = new Map<string, PurgedRow[]>();
  for (const row of rows) {
    const key = `${row.account_id}:${row.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const { account_id, kind } = group[0]!;
    for (const slice of chunks(group, LOOKUP_CHUNK)) {
      await trx
        .deleteFrom('versions')
        .where('account_id', '=', account_id)
        .where('kind', '=', kind)
        .where(
          'subject_id',
          'in',
          slice.map((r) => r.subject_id),
        )
        .execute();
    }
  }
  const typeIds = [...new Set(rows.flatMap((r) => (r.type_id === null ? [] : [r.type_id])))];
  const keys = new Map(
    typeIds.length
      ? (await trx.selectFrom('content_types').select(['id', 'key']).where('id', 'in', typeIds).execute()).map((t) => [
          t.id,
          t.key,
        ])
      : [],
  );
  await recordAudit(
    trx,
    actor,
    rows.map((r) => {
      const type = r.type_id === null ? undefined : keys.get(r.type_id);
      return {
        accountId: r.account_id,
        action: 'purge',
        kind: r.kind,
        targetId: r.subject_id,
        targetSlug: r.slug,
        ...(type !== undefined && { detail: { type } }),
      };
    }),
    now,
  );
}
