import type { InferResult, Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

export type Channel = 'published' | 'latest';

/** An entry with one version: what every read endpoint renders. */
export type EntryRow = InferResult<ReturnType<typeof entriesInScope>>[number];

/** Where a read looks: the account's locale and channel (`latest` under preview). */
export interface ReadScope {
  accountId: number;
  locale: string;
  channel: Channel;
}

/** Entries joined to their version in the scope's locale and channel. */
export function entriesInScope(db: Kysely<Database>, scope: ReadScope) {
  return db
    .selectFrom('entries as e')
    .innerJoin('entry_versions as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').on('v.locale', '=', scope.locale).on('v.channel', '=', scope.channel),
    )
    .where('e.account_id', '=', scope.accountId)
    .select([
      'e.id',
      'e.type_id',
      'e.slug',
      'v.status',
      'v.name',
      'v.fields',
      'v.updated',
      'v.published',
      'v.scheduled',
    ])
    .select('e.unpublish_at');
}

/** The versions of many entries at once (one query, whatever their number or kind). */
export async function fetchEntries(db: Kysely<Database>, scope: ReadScope, ids: number[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  return entriesInScope(db, scope).where('e.id', 'in', ids).execute();
}

/** An entry as a reference URI needs it: its type and slug. */
export type EntryHandle = Pick<EntryRow, 'id' | 'type_id' | 'slug'>;

/** Which of many entries exist in the scope, without their fields (references at the last level). */
export async function fetchHandles(db: Kysely<Database>, scope: ReadScope, ids: number[]): Promise<EntryHandle[]> {
  if (ids.length === 0) return [];
  return entriesInScope(db, scope)
    .clearSelect()
    .select(['e.id', 'e.type_id', 'e.slug'])
    .where('e.id', 'in', ids)
    .execute();
}
