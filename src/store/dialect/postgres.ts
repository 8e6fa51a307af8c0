import { sql, type Kysely } from 'kysely';
import type { Dialect, PostMatch } from './dialect.js';

/** tsquery text for one term, matched as a prefix; quoting keeps operators in the term inert. */
function tsTerm(term: string): string {
  return `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`;
}

/** The first half of every advisory lock Ghee takes per key ("gh"). */
const LOCK_SPACE = 0x6768;

export const postgresDialect: Dialect = {
  name: 'postgres',
  binaryText: 'text collate "C"',
  serialPrimaryKey: 'serial primary key',

  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23505';
  },

  isForeignKeyViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23503';
  },

  async syncIdSequence(db, table) {
    // The sequence knows nothing of ids inserted explicitly: move it past the largest.
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select coalesce(max(id), 0) from ${sql.table(table)}), 1))`.execute(
      db,
    );
  },

  async createSearchIndex(db: Kysely<unknown>) {
    await sql`alter table search_docs add column tsv tsvector generated always as (to_tsvector('simple', doc)) stored`.execute(
      db,
    );
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  },

  async search(db, q) {
    if (q.accountTypeIds.length === 0) return { hits: [], count: 0 };
    const query = q.terms.map(tsTerm).join(' & ');
    const where = sql`d.tsv @@ to_tsquery('simple', ${query}) and d.locale = ${q.locale} and d.channel = ${q.channel}
      and d.type_id in (${sql.join(q.accountTypeIds)})`;
    const rows = await sql<{ entry_id: number; rank: number }>`
      select d.entry_id as entry_id, ts_rank(d.tsv, to_tsquery('simple', ${query})) as rank
      from search_docs d where ${where} order by rank desc, d.entry_id limit ${q.limit} offset ${q.offset}`.execute(db);
    const total = await sql<{ n: number }>`select count(*)::int as n from search_docs d where ${where}`.execute(db);
    return { hits: rows.rows, count: Number(total.rows[0]?.n ?? 0) };
  },

  async createPostSearchIndex(db: Kysely<unknown>) {
    // Weights A, B, C: ts_rank counts a title match most, then the summary, then the body.
    await sql`alter table post_search add column tsv tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', summary), 'B')
      || setweight(to_tsvector('simple', body), 'C')) stored`.execute(db);
    await sql`create index post_search_tsv on post_search using gin (tsv)`.execute(db);
  },

  postMatches(terms) {
    const query = terms.map(tsTerm).join(' & ');
    return sql<PostMatch>`(select s.post_id as post_id, s.channel as channel,
      ts_rank(s.tsv, to_tsquery('simple', ${query}))::float8 as rank
      from post_search s where s.tsv @@ to_tsquery('simple', ${query}))`;
  },

  skipLocked() {
    return sql`for update skip locked`;
  },

  forUpdate() {
    return sql`for update`;
  },

  async lockKeys(trx, keys) {
    if (keys.length === 0) return;
    // Taken in the order of the lock ids themselves, so two transactions cannot wait on each other
    // even when two keys share a hash; the two-integer form is a key space of its own, apart from
    // the migrator's one-bigint lock.
    const ids = await sql<{
      id: number;
    }>`select distinct hashtext(k) as id from unnest(array[${sql.join(keys)}]::text[]) as k order by id`.execute(trx);
    for (const { id } of ids.rows) await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${id})`.execute(trx);
  },
};
