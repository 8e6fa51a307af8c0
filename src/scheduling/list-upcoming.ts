import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AccountSchema } from '../content/account-schema.js';
import type { Upcoming } from '../shared/schedule.js';
import type { Database } from '../store/tables.js';
import { itemLabel } from '../webhooks/entry-events.js';
import { leavingEntries, leavingPosts, waitingPostVersions, waitingVersions } from './waiting.js';

/** The agenda holds at most this many changes; a longer one is cut at its end (`truncated`). */
export const AGENDA_MAX = 500;

/**
 * Every scheduled change of the account from `from` (inclusive) to `to` (exclusive), both store
 * form: publications of pages, items and posts, and what goes off the air, soonest first. Four
 * queries, each bounded, on the indexes of what waits (waiting.ts).
 */
export async function listUpcoming(
  db: Kysely<Database>,
  schema: AccountSchema,
  range: { from: string; to: string },
): Promise<{ data: Upcoming[]; truncated: boolean }> {
  const { accountId } = schema;
  const between = <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string) => {
    const at = sql.ref(column);
    return query
      .where(at, '>=', range.from)
      .where(at, '<', range.to)
      .orderBy(at)
      .limit(AGENDA_MAX + 1);
  };
  const [entryPublish, entryUnpublish, postPublish, postUnpublish] = await Promise.all([
    between(
      waitingVersions(db)
        .select(['v.scheduled as at', 'v.locale', 'v.name', 'v.fields', 'e.id', 'e.slug', 'e.type_id'])
        .where('e.account_id', '=', accountId),
      'v.scheduled',
    ).execute(),
    between(
      leavingEntries(db)
        .innerJoin('entry_versions as v', (join) =>
          join
            .onRef('v.entry_id', '=', 'e.id')
            .on('v.channel', '=', 'latest')
            .on('v.locale', '=', schema.defaultLocale),
        )
        .select(['e.unpublish_at as at', 'v.name', 'v.fields', 'e.id', 'e.slug', 'e.type_id'])
        .where('e.account_id', '=', accountId),
      'e.unpublish_at',
    ).execute(),
    between(
      waitingPostVersions(db)
        .select(['v.scheduled as at', 'v.title', 'p.id', 'p.slug'])
        .where('v.channel', '=', 'latest')
        .where('p.account_id', '=', accountId),
      'v.scheduled',
    ).execute(),
    between(
      leavingPosts(db)
        .innerJoin('post_versions as v', (join) => join.onRef('v.post_id', '=', 'p.id').on('v.channel', '=', 'latest'))
        .select(['p.unpublish_at as at', 'v.title', 'p.id', 'p.slug'])
        .where('p.account_id', '=', accountId),
      'p.unpublish_at',
    ).execute(),
  ]);
  const entry = (
    row: { at: string | null; name: string; fields: string; id: number; slug: string | null; type_id: number },
    action: Upcoming['action'],
    locale: string | null,
  ): Upcoming | null => {
    const type = schema.byId.get(row.type_id);
    if (!type || row.at === null) return null;
    const shown = locale === schema.defaultLocale ? null : locale;
    if (type.kind === 'collection') {
      const title = itemLabel(type, row.fields, row.id);
      return { at: row.at, action, kind: 'item', title, key: type.key, id: row.id, locale: shown };
    }
    const pageType = type.kind === 'page_type' ? type.key : null;
    return { at: row.at, action, kind: 'page', title: row.name, page_type: pageType, slug: row.slug, locale: shown };
  };
  const all = [
    ...entryPublish.map((r) => entry(r, 'publish', r.locale)),
    ...entryUnpublish.map((r) => entry(r, 'unpublish', null)),
    ...postPublish.map((r) => post(r, 'publish')),
    ...postUnpublish.map((r) => post(r, 'unpublish')),
  ]
    .filter((u): u is Upcoming => u !== null)
    .sort(soonestFirst);
  return { data: all.slice(0, AGENDA_MAX), truncated: all.length > AGENDA_MAX };
}

function post(row: { at: string | null; title: string; id: number; slug: string }, action: Upcoming['action']) {
  return row.at === null
    ? null
    : { at: row.at, action, kind: 'post' as const, title: row.title, slug: row.slug, id: row.id };
}

const KIND_ORDER = { page: 0, item: 1, post: 2 } as const;

/** Soonest first; at one instant pages, then items, then posts, each by title (a stable agenda). */
function soonestFirst(a: Upcoming, b: Upcoming): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
}
