// The agenda of scheduled changes, as the admin API answers it and the dashboard shows it
// (docs/admin-api.md, Schedule).

/** One scheduled change: a publication or an unpublication of a page, item or post. */
export interface Upcoming {
  at: string;
  action: 'publish' | 'unpublish';
  kind: 'page' | 'item' | 'post';
  title: string;
  /** Pages: their page type (null for a single page). */
  page_type?: string | null;
  /** Items: their collection. */
  key?: string;
  slug?: string | null;
  id?: number;
  /** Null: the default locale (or, for an unpublication, every locale). */
  locale?: string | null;
}

/** `GET .../schedule`: the changes from `from` to `to`, soonest first; `truncated` when more wait. */
export interface Agenda {
  meta: { from: string; to: string; truncated: boolean };
  data: Upcoming[];
}
