import type { FieldFilters, Meta, Pagination, WriteTiming } from './common.js';

/** A collection item's `meta`: its id and its timing (docs/api.md §13). */
export interface ItemMeta {
  id: number;
  /** When a scheduled item goes live, or went live by its schedule (ISO 8601); null otherwise. */
  scheduled: string | null;
  status: 'published' | 'draft' | 'scheduled';
  /** With preview only: when the item goes off the air, or null. */
  unpublish_at?: string | null;
}

/** A collection item as the API returns it: its fields, and `meta`. */
export type Item<Fields extends object = Record<string, unknown>> = Fields & { meta: ItemMeta };

/** The items of each requested collection, keyed by collection key. */
export type ContentArrays<ContentModels extends object> = {
  [Key in keyof ContentModels & string]: Array<Item<ContentModels[Key] & object>>;
};

/** Parameters of `content.retrieve`: pagination, `order`, `fields.*` filters (applied to each key's list). */
export type ContentParams = Pagination &
  FieldFilters & {
    levels?: number;
    locale?: string;
    preview?: 0 | 1;
    /** A schema field, `published` or `updated`; `-` first for descending. */
    order?: string;
  };

/** What `content.retrieve` resolves to; `meta` describes the first key's list. */
export interface ContentResponse<ContentModels extends object = Record<string, Record<string, unknown>>> {
  meta: Meta;
  data: ContentArrays<ContentModels>;
}

/** Body of `content.create` (the collection key is its first argument): one new item per element of `fields`. */
export interface ContentCreate<Fields extends object = Record<string, unknown>> extends WriteTiming {
  fields: Array<Fields | Record<string, Fields>>;
}

/** Body of `content.update` (only the sent fields change) and `content.replace` (left-out fields become empty). */
export interface ContentUpdate<Fields extends object = Record<string, unknown>> extends WriteTiming {
  fields: Partial<Fields> | Record<string, Partial<Fields>>;
}
