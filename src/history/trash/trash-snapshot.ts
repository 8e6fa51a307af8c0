import type { Selectable } from 'kysely';
import type { PostVersionsTable } from '../../store/blog-tables.js';
import type { ContentTypeKind, EntriesTable, EntryVersionsTable } from '../../store/tables.js';

// What a trash row's `snapshot` holds (JSON): the rows its delete removed, so that a restore
// puts them back as they were, with the same id. Versions in `versions` stay where they are.

/** A deleted page or item: its entries row and every version, both channels, every locale. */
export interface EntrySnapshot {
  entry: Omit<Selectable<EntriesTable>, 'id' | 'account_id' | 'unpublish_at'> & {
    id: number;
    /** Absent in snapshots from before scheduling (migration 017). */
    unpublish_at?: string | null;
  };
  /** Its page type or collection when deleted: named in the list and in a refusal once gone. */
  type: { key: string; kind: ContentTypeKind };
  versions: (Omit<Selectable<EntryVersionsTable>, 'entry_id' | 'scheduled'> & { scheduled?: string | null })[];
}

/** A category or tag of a deleted post: by id, and by name should that one be deleted since. */
export interface TrashedTerm {
  id: number;
  name: string;
}

/** One version of a deleted post, with its author and its categories and tags in order. */
export type TrashedPostVersion = Omit<PostVersionsTable, 'post_id' | 'author_id'> & {
  /** By id, and by slug should that one be deleted since (else the account's default author). */
  author: { id: number; slug: string | null };
  categories: TrashedTerm[];
  tags: TrashedTerm[];
};

/** A deleted post: its posts row and its versions. */
export interface PostSnapshot {
  post: { id: number; slug: string; created: string };
  versions: TrashedPostVersion[];
}
