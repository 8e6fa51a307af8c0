import type { FieldFilters, Meta, Pagination, Status, WriteTiming } from './common.js';

/** A page as the API returns it; `PageModel` types its `fields` (e.g. a generated `LandingPage`). */
export interface Page<
  PageModel extends object = Record<string, unknown>,
  PageType extends string = string,
  PageSlug extends string = string,
> {
  slug: PageSlug;
  name: string;
  published: string | null;
  updated: string | null;
  /** The page type's key; null for a single page (so through `*` it may be either). */
  page_type: PageType extends '*' ? string | null : PageType;
  /** When a scheduled page goes live, or went live by its schedule (ISO 8601); null otherwise. */
  scheduled: string | null;
  status: Status;
  /** With preview only: when the page goes off the air (ISO 8601), or null. */
  unpublish_at?: string | null;
  fields: PageModel;
}

/** Parameters of `page.retrieve`. */
export interface PageRetrieveParams {
  /** How deep references are expanded, 1..5 (default 2). */
  levels?: number;
  locale?: string;
  preview?: 0 | 1;
  /** Only these comma-separated dot paths of `fields` (Ghee). */
  fields?: string;
  alt_media_text?: 0 | 1;
}

/** Parameters of `page.list`: pagination, `order`, `fields.*` filters and a field selection. */
export type PageListParams = Pagination &
  FieldFilters & {
    levels?: number;
    locale?: string;
    preview?: 0 | 1;
    /** `published`, `updated` or a schema field; `-` first for descending. */
    order?: string;
    fields?: string;
    alt_media_text?: 0 | 1;
  };

/** Parameters of `page.search`. */
export interface PageSearchParams<PageType extends string = string> extends Pagination {
  page_type?: PageType;
  levels?: number;
  locale?: string;
}

export interface PageRetrieveResponse<
  PageModel extends object = Record<string, unknown>,
  PageType extends string = string,
  PageSlug extends string = string,
> {
  data: Page<PageModel, PageType, PageSlug>;
}

export interface PageListResponse<
  PageModel extends object = Record<string, unknown>,
  PageType extends string = string,
> {
  meta: Meta;
  data: Array<Page<PageModel, PageType>>;
}

export type PageSearchResponse<
  PageModel extends object = Record<string, unknown>,
  PageType extends string = string,
> = PageListResponse<PageModel, PageType>;

/** Body of `page.create`: every field of the page type (empty ones as `""`). */
export interface PageCreate<Fields extends object = Record<string, unknown>> extends WriteTiming {
  /** Becomes the page's `name`. */
  title: string;
  slug: string;
  /** The page type; `*` or left out for a single page (then `slug` names it). */
  page_type?: string;
  /** Flat (for `?locale=` or the default locale), or keyed by locale: `{en: {...}, es: {...}}`. */
  fields: Fields | Record<string, Fields>;
}

/** Body of `page.update`: only what is sent changes. */
export interface PageUpdate<Fields extends object = Record<string, unknown>> extends WriteTiming {
  title?: string;
  /** A new slug renames the page. */
  slug?: string;
  fields?: Partial<Fields> | Record<string, Partial<Fields>>;
}
