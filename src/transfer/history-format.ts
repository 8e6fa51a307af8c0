// The history files of a Ghee archive (`versions.json`, `trash.json`, `audit.json`), written by
// `ghee export` unless `--no-history`; archives made before them import without history.
import type { SubjectKind } from '../store/history-tables.js';

/** The history files, by the key ArchiveContent holds them under. */
export const HISTORY_FILES = ['versions', 'trash', 'audit'] as const;

/** Who made a change, as history names it (docs/api.md §12). */
export interface ArchivedActor {
  type: string;
  name: string;
}

/**
 * One version of history (`versions.json`, oldest first). Its subject is named by exactly one of
 * `entry`, `post` and `trashed`, as the rest of the archive names it, since ids change on import.
 */
export interface ArchivedHistoryVersion {
  /** Its number in this archive (1, 2, ... oldest first), which `restored_from` names. */
  id: number;
  kind: SubjectKind;
  /** A page or item of `entries.json`, by its id there. */
  entry: number | null;
  /** A post of `posts.json`, by its slug. */
  post: string | null;
  /** A deleted page, item or post of `trash.json`, by its `subject_id` there. */
  trashed: number | null;
  /** `<kind>:<key>` of the page type or collection (as `entries.json`), null for posts. */
  type: string | null;
  locale: string;
  status: string;
  name: string;
  slug: string | null;
  /** As stored: an entry's field values (references by entry id), or a post's (PostHistoryFields). */
  fields: unknown;
  author: ArchivedActor;
  /** The number in this archive of the version it was restored from; null if none or not in it. */
  restored_from: number | null;
  request_id: string | null;
  created: string;
}

/** A deleted page, item or post (`trash.json`, by `deleted`), as the trash keeps it. */
export interface ArchivedTrash {
  kind: SubjectKind;
  /** Its id in the exporting install: what `trashed` of its versions names. */
  subject_id: number;
  /** `<kind>:<key>` of its page type or collection, null for posts. */
  type: string | null;
  slug: string | null;
  name: string;
  /** The rows its delete removed (src/history/trash/trash-snapshot.ts). */
  snapshot: unknown;
  deleted: string;
  deleted_by: ArchivedActor;
  purge_after: string;
}

/** One audit record of the account (`audit.json`, oldest first). */
export interface ArchivedAudit {
  at: string;
  actor: ArchivedActor;
  action: string;
  kind: string;
  target: { id: string | null; slug: string | null };
  request_id: string | null;
  client: string | null;
  detail: unknown;
}

/** The history an archive carries; absent from archives made without it. */
export interface ArchivedHistory {
  versions: ArchivedHistoryVersion[];
  trash: ArchivedTrash[];
  audit: ArchivedAudit[];
}
