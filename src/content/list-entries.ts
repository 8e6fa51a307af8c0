import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../store/tables.js';
import { entriesInScope, fetchEntries, type EntryRow, type ReadScope } from './entry-rows.js';
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

type FieldOrder = Extract<Order, { kind: 'field' }>;
type DirectFilter = Filter & { via: null };

/** Offsets past this read nothing; keeps huge `page` numbers exact and harmless. */
const MAX_OFFSET = 2 ** 31;

/**
 * One page of entries plus the total count, with filters and order done in SQL.
 *
 * A field value row (`field_values`) exists only while its version does, and only with a value
 * in it, so a filter on a field of the type itself is answered from the index on values alone:
 * the count is a range of that index, and an order on a field walks the index on the ordering
 * values, stopping after the page. Entries without a value for the ordering field come last, in
 * the tie-break order; filters through a reference are checked per candidate entry.
 */
export async function listEntries(
  db: Kysely<Database>,
  scope: ReadScope,
  q: ListQuery,
): Promise<{ rows: EntryRow[]; count: number }> {
  if (q.typeIds.length === 0 || q.filters.some((f) => f.value === null)) return { rows: [], count: 0 };
  const count = await countMatching(db, scope, q);
  if (q.offset >= Math.min(count, MAX_OFFSET)) return { rows: [], count };
  if (q.order?.kind === 'field') return { rows: await pageByField(db, scope, q, q.order), count };

  let page = entriesInScope(db, scope)
    .where('e.type_id', 'in', q.typeIds)
    .where((eb) => matches(db, scope, q, eb.ref('e.id')));
  const order = q.order;
  if (order) {
    const column = sql.ref(`v.${order.kind}`);
    page = page.orderBy(sql`(${column} is null)`).orderBy(column, order.desc ? 'desc' : 'asc');
  } else if (q.defaultOrder === 'pages') {
    page = page.orderBy(sql`(v.published is null)`).orderBy('v.published', 'desc');
  }
  page = q.defaultOrder === 'pages' ? page.orderBy('e.slug').orderBy('e.id') : page.orderBy('e.id');
  return { rows: await page.limit(q.limit).offset(q.offset).execute(), count };
}

async function countMatching(db: Kysely<Database>, scope: ReadScope, q: ListQuery): Promise<number> {
  const first = q.filters.find((f): f is DirectFilter => f.via === null);
  const n = sql<number>`count(*)`.as('n');
  const row = first
    ? await valuesOf(db, scope, q.typeIds, first.path)
        .where(valueIs('o', first))
        .where((eb) =>
          matches(db, scope, { ...q, filters: q.filters.filter((f) => f !== first) }, eb.ref('o.entry_id')),
        )
        .clearSelect()
        .select(n)
        .executeTakeFirst()
    : await entriesInScope(db, scope)
        .where('e.type_id', 'in', q.typeIds)
        .where((eb) => matches(db, scope, q, eb.ref('e.id')))
        .clearSelect()
        .select(n)
        .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * A page ordered on a field: first the entries with a value, walked in the index's order; then,
 * once those run out, the entries without one in the tie-break order.
 */
async function pageByField(
  db: Kysely<Database>,
  scope: ReadScope,
  q: ListQuery,
  order: FieldOrder,
): Promise<EntryRow[]> {
  const column = order.numeric ? 'o.num_value' : 'o.text_value';
  const direction = order.desc ? 'desc' : 'asc';
  const valued = valuesOf(db, scope, q.typeIds, order.path)
    .where(column, 'is not', null)
    .where((eb) => matches(db, scope, q, eb.ref('o.entry_id')));
  const ordered =
    q.defaultOrder === 'pages'
      ? valued
          .innerJoin('entries as e', 'e.id', 'o.entry_id')
          .clearSelect()
          .select('o.entry_id as id')
          .orderBy(column, direction)
          .orderBy('e.slug')
          .orderBy('o.entry_id')
      : valued.clearSelect().select('o.entry_id as id').orderBy(column, direction).orderBy('o.entry_id');
  const ids = (await ordered.limit(q.limit).offset(q.offset).execute()).map((r) => r.id);

  if (ids.length < q.limit) {
    // Past the valued entries: how many there are decides where the unvalued ones start.
    const valuedCount =
      ids.length > 0 || q.offset === 0
        ? q.offset + ids.length
        : Number(
            (
              await valued
                .clearSelect()
                .select(sql<number>`count(*)`.as('n'))
                .executeTakeFirst()
            )?.n ?? 0,
          );
    let empty = entriesInScope(db, scope)
      .clearSelect()
      .select('e.id as id')
      .where('e.type_id', 'in', q.typeIds)
      .where((eb) => matches(db, scope, q, eb.ref('e.id')))
      .where(({ not, exists }) =>
        not(
          exists(
            valuesOf(db, scope, q.typeIds, order.path)
              .where(column, 'is not', null)
              .where('o.entry_id', '=', sql.ref<number>('e.id')),
          ),
        ),
      );
    empty = q.defaultOrder === 'pages' ? empty.orderBy('e.slug').orderBy('e.id') : empty.orderBy('e.id');
    const rows = await empty
      .limit(q.limit - ids.length)
      .offset(Math.max(0, q.offset - valuedCount))
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  const byId = new Map((await fetchEntries(db, scope, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The value rows (`o`) of one field path of the listed types, in the scope's locale and channel. */
function valuesOf(db: Kysely<Database>, scope: ReadScope, typeIds: number[], path: string) {
  return db
    .selectFrom('field_values as o')
    .select(sql`1`.as('one'))
    .where('o.type_id', 'in', typeIds)
    .where('o.locale', '=', scope.locale)
    .where('o.channel', '=', scope.channel)
    .where('o.path', '=', path);
}

function valueIs(alias: 'o' | 'fv', filter: Filter) {
  return sql<SqlBool>`${sql.ref(`${alias}.${filter.numeric ? 'num_value' : 'text_value'}`)} = ${filter.value}`;
}

/**
 * Every filter of the query as a condition on the entry id `id`: a field of the type itself
 * through its value index, a field of a referenced entry per candidate.
 */
function matches(db: Kysely<Database>, scope: ReadScope, q: ListQuery, id: Expression<number>): Expression<SqlBool> {
  const conditions = q.filters.map((filter) =>
    filter.via === null
      ? sql<SqlBool>`${id} in ${db
          .selectFrom('field_values as fv')
          .select('fv.entry_id')
          .where('fv.type_id', 'in', q.typeIds)
          .where('fv.locale', '=', scope.locale)
          .where('fv.channel', '=', scope.channel)
          .where('fv.path', '=', filter.path)
          .where(valueIs('fv', filter))}`
      : sql<SqlBool>`exists ${throughReference(db, scope, filter, id)}`,
  );
  return conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

function throughReference(db: Kysely<Database>, scope: ReadScope, filter: Filter, id: Expression<number>) {
  return db
    .selectFrom('refs as r')
    .innerJoin('field_values as fv', (join) =>
      join
        .onRef('fv.entry_id', '=', 'r.target_entry_id')
        .on('fv.locale', '=', scope.locale)
        .on('fv.channel', '=', scope.channel),
    )
    .select(sql`1`.as('one'))
    .where('r.entry_id', '=', id)
    .where('r.locale', '=', scope.locale)
    .where('r.channel', '=', scope.channel)
    .where('r.path', '=', filter.via!)
    .where('fv.path', '=', filter.path)
    .where(valueIs('fv', filter));
}
