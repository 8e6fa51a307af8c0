import type { Caller } from '../accounts/find-caller.js';
import type { AccountSchema } from '../content/account-schema.js';
import { enabledLocale } from '../content/enabled-locale.js';
import type { ReadScope } from '../content/entry-rows.js';
import { errors } from '../errors/index.js';
import { parseBool } from '../params/query-bool.js';

// Query parameters shared by the read endpoints, parsed with the contract's exact error texts.

const DIGITS = /^\d{1,16}$/;

/** `levels` 1..5, default 2. */
export function parseLevels(query: Record<string, string>): number {
  const raw = query.levels;
  if (raw === undefined) return 2;
  const n = DIGITS.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 5)) throw errors.invalidLevels();
  return n;
}

/** Locale and channel: `locale` must be enabled; `preview=1` (or legacy `test=1`) reads the latest drafts. */
export function parseScope(query: Record<string, string>, caller: Caller, schema: AccountSchema): ReadScope {
  const locale = enabledLocale(schema, query.locale);
  const preview = parseBool(query.preview) || parseBool(query.test);
  return { accountId: caller.accountId, locale, channel: preview ? 'latest' : 'published' };
}

export type Pagination =
  | { style: 'page'; page: number; pageSize: number; limit: number; offset: number }
  | { style: 'offset'; limit: number; offset: number };

/** `page`/`page_size` (default 1 and 10) or `limit`/`offset`, never both. */
export function parsePagination(query: Record<string, string>): Pagination {
  const pageStyle = query.page !== undefined || query.page_size !== undefined;
  const offsetStyle = query.limit !== undefined || query.offset !== undefined;
  if (pageStyle && offsetStyle) throw errors.mixedPagination();
  if (offsetStyle) {
    const limit = query.limit === undefined ? 10 : intIn(query.limit, 1, 100);
    if (limit === null) throw errors.invalidLimit();
    const offset = query.offset === undefined ? 0 : intIn(query.offset, 0, Number.MAX_SAFE_INTEGER);
    if (offset === null) throw errors.invalidOffset();
    return { style: 'offset', limit, offset };
  }
  const page = query.page === undefined ? 1 : intIn(query.page, 1, Number.MAX_SAFE_INTEGER);
  if (page === null) throw errors.invalidPage();
  const pageSize = query.page_size === undefined ? 10 : intIn(query.page_size, 1, 100);
  if (pageSize === null) throw errors.invalidPageSize();
  return {
    style: 'page',
    page,
    pageSize,
    limit: pageSize,
    offset: Math.min((page - 1) * pageSize, Number.MAX_SAFE_INTEGER),
  };
}

function intIn(raw: string, min: number, max: number): number | null {
  if (!DIGITS.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** The list `meta` of the pagination style in use. */
export function listMeta(p: Pagination, count: number): Record<string, number | null> {
  if (p.style === 'page') {
    return {
      count,
      next_page: p.page * p.pageSize < count ? p.page + 1 : null,
      previous_page: p.page > 1 ? p.page - 1 : null,
    };
  }
  return {
    count,
    next_offset: p.offset + p.limit < count ? p.offset + p.limit : null,
    previous_offset: p.offset > 0 ? Math.max(p.offset - p.limit, 0) : null,
  };
}
