import type { Generated } from 'kysely';

// Row shapes of the history tables (migration 016); see src/history/ and src/audit/.

/** What a version, trash row or audit record is about. */
export type SubjectKind = 'page' | 'item' | 'post';

/** One immutable version of a page or item in one locale, or of a post (locale ''). */
export interface VersionsTable {
  id: Generated<number>;
  account_id: number;
  kind: SubjectKind;
  /** entries.id or posts.id, without a foreign key: the history outlives a delete (the trash). */
  subject_id: number;
  /** The page type or collection (content_types.id); null for posts. */
  type_id: number | null;
  locale: string;
  status: string;
  /** A page's or item's name, a post's title. */
  name: string;
  slug: string | null;
  /** JSON: an entry's stored field values, or a post's (history/post-snapshot.ts). */
  fields: string;
  /** Of status, name, slug and fields: a save identical to the version before keeps that one. */
  hash: string;
  actor_type: string;
  actor_name: string;
  restored_from: number | null;
  request_id: string | null;
  created: string;
}

/** A deleted page, item or post, restorable until `purge_after`. */
export interface TrashTable {
  id: Generated<number>;
  account_id: number;
  kind: SubjectKind;
  subject_id: number;
  type_id: number | null;
  slug: string | null;
  name: string;
  /** JSON of the rows the delete removed (history/trash-snapshot.ts). */
  snapshot: string;
  deleted: string;
  actor_type: string;
  actor_name: string;
  purge_after: string;
}

/** One change of anything, append-only (the database refuses updates and early deletes). */
export interface AuditLogTable {
  id: Generated<number>;
  /** Null for what belongs to no account (a failed sign-in of an unknown email). */
  account_id: number | null;
  at: string;
  actor_type: string;
  actor_name: string;
  action: string;
  kind: string;
  target_id: string | null;
  target_slug: string | null;
  request_id: string | null;
  client: string | null;
  /** JSON of what else the action names (a plan, a role, a version), or null. */
  detail: string | null;
}

export interface HistoryTables {
  versions: VersionsTable;
  trash: TrashTable;
  audit_log: AuditLogTable;
}
