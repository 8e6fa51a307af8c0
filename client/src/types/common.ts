/** What every call resolves to: the body as `data`, as buttercms v3 does. */
export interface ClientResponse<Data = unknown> {
  data: Data;
  status: number;
  statusText: string;
  /** The answer's headers, lowercase names (`x-request-id`, `ratelimit`, ...). */
  headers: Record<string, string>;
}

/**
 * `meta` of a list. Read with `page` / `page_size` it has `next_page` and `previous_page`; read
 * with `limit` / `offset` it has `next_offset` and `previous_offset` instead (see {@link OffsetMeta}).
 */
export interface Meta {
  count: number;
  next_page: number | null;
  previous_page: number | null;
  next_offset?: number | null;
  previous_offset?: number | null;
}

/** `meta` of a list read with `limit` / `offset` instead. */
export interface OffsetMeta {
  count: number;
  next_offset: number | null;
  previous_offset: number | null;
}

/** Per-call settings, the last argument of every method. */
export interface RequestOptions {
  /** Cancels this call (and its pending retries) when aborted. */
  signal?: AbortSignal;
  /** Milliseconds for each attempt of this call, instead of the client's `timeout`. */
  timeout?: number;
}

/** Page pagination, or offset pagination (not both: the API answers 400). */
export interface Pagination {
  page?: number;
  page_size?: number;
  limit?: number;
  offset?: number;
}

/** `fields.<path>=<value>` filters: exact matches on schema fields, through components and references. */
export type FieldFilters = { [filter: `fields.${string}`]: string | number | boolean | undefined };

/** Where an entry stands; `scheduled` exists on ButterCMS only. */
export type Status = 'published' | 'draft' | 'scheduled';

/** `{"status": "pending"}`: the answer to an accepted write (applied before it is sent). */
export interface WriteAccepted {
  status: 'pending';
}

/**
 * When a write goes live or off the air (docs/api.md §13): `scheduled` with status `scheduled`
 * publishes at that time (a time already past, at once); `unpublish_at` takes it off the air then
 * (null clears it). Times are ISO 8601 with a zone.
 */
export interface WriteTiming {
  status?: 'draft' | 'published' | 'scheduled';
  scheduled?: string;
  unpublish_at?: string | null;
}
