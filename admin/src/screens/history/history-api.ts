// History, trash and audit as the admin API answers them (docs/admin-api.md, "History, trash and
// audit"), and the calls that read and restore them, in one place.
import { api, accountPath, qs } from '../../api';
import type { Paged } from '../../types';

/** Who made a change: a user by email, a token by its label, `scheduler`, `import`. */
export interface Who {
  type: string;
  name: string;
}

/** A row of an entry's history, newest first. */
export interface VersionSummary {
  id: number;
  created: string;
  /** Null for posts, which have no locales. */
  locale: string | null;
  status: string;
  author: Who;
  restored_from: number | null;
}

/** One version with what it held. */
export interface Version extends VersionSummary {
  name: string;
  slug: string | null;
  fields: Record<string, unknown>;
}

/** A run of words of a long text or HTML: kept, added or removed. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** One changed field between two versions, by its path (`seo.title`, `faq.0.answer`). */
export interface Change {
  path: string;
  from: unknown;
  to: unknown;
  diff?: DiffPart[];
}

export type TrashKind = 'page' | 'item' | 'post';

/** A deleted page, item or post, restorable until `purge_after`. */
export interface TrashRow {
  trash_id: number;
  kind: TrashKind;
  page_type?: string | null;
  key?: string;
  slug?: string | null;
  id?: number;
  name: string;
  deleted: string;
  deleted_by: Who;
  purge_after: string;
}

/** One change of anything in the account. */
export interface AuditRecord {
  id: number;
  at: string;
  actor: Who;
  action: string;
  kind: string;
  target: { id: string | null; slug: string | null };
  request_id: string | null;
  client: string | null;
  detail: Record<string, unknown> | null;
}

export const VERSIONS_PAGE_SIZE = 10;

/**
 * The versions of one entry. `entryPath` is its admin API path under the account:
 * `/pages/<type>/<slug>`, `/items/<key>/<id>` or `/posts/<slug>`.
 */
export function listVersions(
  accountId: number,
  entryPath: string,
  locale: string,
  page: number,
): Promise<Paged<VersionSummary>> {
  return api(
    'GET',
    accountPath(accountId, `${entryPath}/versions${qs({ locale, page, page_size: VERSIONS_PAGE_SIZE })}`),
  );
}

export async function getVersion(accountId: number, entryPath: string, id: number): Promise<Version> {
  return (await api<{ data: Version }>('GET', accountPath(accountId, `${entryPath}/versions/${id}`))).data;
}

/** What changed from version `a` to version `b`. */
export async function compareVersions(accountId: number, entryPath: string, a: number, b: number): Promise<Change[]> {
  const path = accountPath(accountId, `${entryPath}/versions/${a}/compare/${b}`);
  return (await api<{ data: { changes: Change[] } }>('GET', path)).data.changes;
}

/** Writes version `id` as the entry's newest, as a draft or published; answers the fields left out. */
export async function restoreVersion(
  accountId: number,
  entryPath: string,
  id: number,
  status: 'draft' | 'published',
): Promise<string[]> {
  const path = accountPath(accountId, `${entryPath}/versions/${id}/restore`);
  return (await api<{ left_out?: string[] }>('POST', path, { status })).left_out ?? [];
}

export const TRASH_PAGE_SIZE = 20;

export function listTrash(accountId: number, kind: string, page: number): Promise<Paged<TrashRow>> {
  return api('GET', accountPath(accountId, `/trash${qs({ kind, page, page_size: TRASH_PAGE_SIZE })}`));
}

export async function restoreTrash(accountId: number, row: TrashRow): Promise<void> {
  await api('POST', accountPath(accountId, `/trash/${row.kind}/${row.trash_id}/restore`));
}

export async function purgeTrash(accountId: number, row: TrashRow): Promise<void> {
  await api('DELETE', accountPath(accountId, `/trash/${row.kind}/${row.trash_id}`));
}

/** Purges what was deleted more than `days` days ago; answers how many. */
export async function purgeTrashOlderThan(accountId: number, days: number): Promise<number> {
  const path = accountPath(accountId, `/trash${qs({ older_than_days: days })}`);
  return (await api<{ data: { purged: number } }>('DELETE', path)).data.purged;
}

/** What the audit screen filters by; '' for any. `since` and `until` are ISO 8601. */
export interface AuditFilters {
  actor: string;
  kind: string;
  target: string;
  since: string;
  until: string;
}

export const AUDIT_PAGE_SIZE = 25;

export function listAudit(accountId: number, filters: AuditFilters, page: number): Promise<Paged<AuditRecord>> {
  return api('GET', accountPath(accountId, `/audit${qs({ ...filters, page, page_size: AUDIT_PAGE_SIZE })}`));
}
