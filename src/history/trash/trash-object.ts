import type { ContentTypeKind } from '../../store/tables.js';
import type { TrashRow } from './take-trash-row.js';

/**
 * A trash row on the wire (docs/api.md §12.2): what was deleted, when, by whom, purged when.
 * A page has `page_type` and `slug`, an item `key` and `id`, a post `slug`.
 */
export interface TrashObject {
  trash_id: number;
  kind: TrashRow['kind'];
  page_type?: string;
  key?: string;
  slug?: string | null;
  id?: number;
  name: string;
  deleted: string;
  deleted_by: { type: string; name: string };
  purge_after: string;
}

/** The row without its snapshot, and its page type or collection (as when deleted, should it be gone). */
export type ListedRow = Omit<TrashRow, 'snapshot'> & { type: { key: string; kind: ContentTypeKind } | null };

/**
 * Shapes a listed row. A page names its page type as its /v2 path does (`*` for a single page),
 * an item its collection and id, a post its slug.
 */
export function trashObject(row: ListedRow): TrashObject {
  const type = row.type?.kind === 'single_page' ? '*' : (row.type?.key ?? '');
  const where =
    row.kind === 'page'
      ? { page_type: type, slug: row.slug }
      : row.kind === 'item'
        ? { key: type, id: row.subject_id }
        : { slug: row.slug };
  return {
    trash_id: row.id,
    kind: row.kind,
    ...where,
    name: row.name,
    deleted: row.deleted,
    deleted_by: { type: row.actor_type, name: row.actor_name },
    purge_after: row.purge_after,
  };
}
