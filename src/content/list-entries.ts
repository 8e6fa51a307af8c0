import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { entriesInScope, type EntryRow, type ReadScope } from './entry-rows.js';
import type { Filter, Order } from './list-spec.js';

export interface ListQuery {
  typeIds: number[];
  filters: Filter[];
  order: Order | null;
  /** Tie-breaker and default order: pages by slug (after -published), items by id. */
  defaultOrder: 'pages' | 'items';
  limit: number;
  offset: number;
}

/** Offsets past this read nothing; keeps huge `page` numbers exact and harmless. */
const MAX_OFFSET = 2 ** 31;

/** One page of entries plus the total count, with filters and order done in SQL. */
export async function listEntries(db: Kysely<Database>, scope: ReadScope, q: ListQuery): Promise<{ rows: EntryRow[]; count: number }> {
  if (q.typeIds.length === 0 || q.filters.some((f) => f.value === null)) return { rows: [], count: 0 };
  let base = entriesInScope(db, scope).where('e.type_id', 'in', q.typeIds);
  for (const filter of q.filters) {
    base = base.where(({ exists }) => exists(filterQuery(db, scope, filter)));
  }
  const countRow = await base.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const count = Number(countRow?.n ?? 0);
  if (q.offset >= Math.min(count, MAX_OFFSET)) return { rows: [], count };

  let page = base;
  const order = q.order;
  if (order?.kind === 'field') {
    page = page.leftJoin('field_values as o', (join) =>
      join.onRef('o.entry_id', '=', 'e.id').on('o.locale', '=', scope.locale).on('o.channel', '=', scope.channel).on('o.path', '=', order.path),
    );
    const column = order.numeric ? sql.ref('o.num_value') : sql.ref('o.text_value');
    // Empty values last in both directions, on both databases.
    page = page.orderBy(sql`(${column} is null)`).orderBy(column, order.desc ? 'desc' : 'asc');
  } else if (order) {
    const column = sql.ref(`v.${order.kind}`);
    page = page.orderBy(sql`(${column} is null)`).orderBy(column, order.desc ? 'desc' : 'asc');
  } else if (q.defaultOrder === 'pages') {
    page = page.orderBy(sql`(v.published is null)`).orderBy('v.published', 'desc');
  }
  page = q.defaultOrder === 'pages' ? page.orderBy('e.slug').orderBy('e.id') : page.orderBy('e.id');
  const rows = await page.limit(q.limit).offset(q.offset).execute();
  return { rows, count };
}

function filterQuery(db: Kysely<Database>, scope: ReadScope, filter: Filter) {
  const column = filter.numeric ? 'fv.num_value' : 'fv.text_value';
  if (filter.via === null) {
    return db
      .selectFrom('field_values as fv')
      .select(sql`1`.as('one'))
      .where('fv.entry_id', '=', sql.ref<number>('e.id'))
      .where('fv.locale', '=', scope.locale)
      .where('fv.channel', '=', scope.channel)
      .where('fv.path', '=', filter.path)
      .where(column, '=', filter.value);
  }
  return db
    .selectFrom('refs as r')
    .innerJoin('field_values as fv', (join) =>
      join.onRef('fv.entry_id', '=', 'r.target_entry_id').on('fv.locale', '=', scope.locale).on('fv.channel', '=', scope.channel),
    )
    .select(sql`1`.as('one'))
    .where('r.entry_id', '=', sql.ref<number>('e.id'))
    .where('r.locale', '=', scope.locale)
    .where('r.channel', '=', scope.channel)
    .where('r.path', '=', filter.via)
    .where('fv.path', '=', filter.path)
    .where(column, '=', filter.value);
}
