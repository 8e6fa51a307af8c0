import type { SubjectKind } from '../../src/store/history-tables.js';
import type { TestServer } from './server.js';

// The history rows of one account, read straight from the tables, for the archive tests
// (test/export-import-history*.test.ts): what two installs can be compared on.

/** The versions of the page, item or post of that slug (pages: default locale), oldest first. */
export function historyOf(s: TestServer, accountId: number, kind: SubjectKind, slug: string) {
  return s.store.db
    .selectFrom('versions')
    .select([
      'id',
      'kind',
      'locale',
      'status',
      'name',
      'slug',
      'fields',
      'actor_type as author_type',
      'actor_name as author_name',
      'restored_from',
      'created',
    ])
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .where('locale', '=', kind === 'post' ? '' : 'en')
    .orderBy('id')
    .execute();
}

/** The account's trash rows, by time of delete. */
export function trashOf(s: TestServer, accountId: number) {
  return s.store.db
    .selectFrom('trash')
    .select(['id', 'kind', 'subject_id', 'slug', 'name', 'deleted', 'actor_type', 'actor_name', 'purge_after'])
    .where('account_id', '=', accountId)
    .orderBy('deleted')
    .orderBy('id')
    .execute();
}

/** The account's audit records, oldest first. */
export function auditOf(s: TestServer, accountId: number) {
  return s.store.db
    .selectFrom('audit_log')
    .select(['at', 'actor_type', 'actor_name', 'action', 'kind', 'target_id', 'target_slug', 'detail'])
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
}
