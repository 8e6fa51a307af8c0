import type { Kysely } from 'kysely';
import { entriesInScope, type EntryRow } from '../../content/entry-rows.js';
import type { Dialect } from '../../store/dialect/dialect.js';
import type { Database } from '../../store/tables.js';

/** What the dashboard's content tables ask for. */
export interface LatestListQuery {
  accountId: number;
  typeIds: number[];
  locale: string;
  /** Only entries whose newest version has this status (a scheduled one waits as a draft with a time). */
  status?: 'draft' | 'published' | 'scheduled';
  /** Full-text search terms (pages only); the best match first. */
  terms?: string[];
  /** Without search: pages newest change first, items by id (creation order). */
  order: 'updated' | 'id';
  limit: number;
  offset: number;
}

// A search shows at most this many matches, which keeps a status filter on them one query.
const MAX_MATCHES = 1000;

/**
 * The newest version (draft or published) of entries in one locale, a page of them plus the
 * count. Entries without a version in the locale are not listed (as in the API).
 */
export async function listLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  q: LatestListQuery,
): Promise<{ rows: EntryRow[]; count: number }> {
  if (q.typeIds.length === 0) return { rows: [], count: 0 };
  let base = entriesInScope(db, { accountId: q.accountId, locale: q.locale, channel: 'latest' }).where(
    'e.type_id',
    'in',
    q.typeIds,
  );
  if (q.status === 'published') base = base.where('v.status', '=', 'published');
  else if (q.status === 'draft') base = base.where('v.status', '=', 'draft').where('v.scheduled', 'is', null);
  else if (q.status === 'scheduled') base = base.where('v.status', '=', 'draft').where('v.scheduled', 'is not', null);
  if (q.terms) {
    if (q.terms.length === 0) return { rows: [], count: 0 };
    const { hits } = await dialect.search(db, {
      accountTypeIds: q.typeIds,
      locale: q.locale,
      channel: 'latest',
      terms: q.terms,
      limit: MAX_MATCHES,
      offset: 0,
    });
    if (hits.length === 0) return { rows: [], count: 0 };
    const rank = new Map(hits.map((h, i) => [h.entry_id, i]));
    const rows = (await base.where('e.id', 'in', [...rank.keys()]).execute()).sort(
      (a, b) => rank.get(a.id)! - rank.get(b.id)!,
    );
    return { rows: rows.slice(q.offset, q.offset + q.limit), count: rows.length };
  }
  const counted = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const count = Number(counted?.n ?? 0);
  const ordered =
    q.order === 'updated' ? base.orderBy('v.updated', 'desc').orderBy('e.id', 'desc') : base.orderBy('e.id');
  const rows = q.offset < count ? await ordered.limit(q.limit).offset(q.offset).execute() : [];
  return { rows, count };
}

/** One entry's newest version in a locale (by page slug or item id), or undefined. */
export async function latestRow(
  db: Kysely<Database>,
  scope: { accountId: number; locale: string },
  typeId: number,
  target: { slug?: string; id?: number },
): Promise<EntryRow | undefined> {
  const query = entriesInScope(db, { ...scope, channel: 'latest' }).where('e.type_id', '=', typeId);
  return target.id !== undefined
    ? query.where('e.id', '=', target.id).executeTakeFirst()
    : query.where('e.slug', '=', target.slug ?? '').executeTakeFirst();
}
