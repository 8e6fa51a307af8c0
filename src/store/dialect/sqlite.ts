import { sql, type Kysely } from 'kysely';
import type { Dialect, PostMatch } from './dialect.js';

/** FTS5 phrase for one term, matched as a prefix ("hom" finds "homepage"). */
function ftsTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"*`;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  binaryText: 'text',
  serialPrimaryKey: 'integer primary key autoincrement',

  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  },

  isForeignKeyViolation(error) {
    return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
  },

  async syncIdSequence() {
    // AUTOINCREMENT's sqlite_sequence already holds the largest id ever inserted.
  },

  async createSearchIndex(db: Kysely<unknown>) {
    // An external-content FTS5 table over search_docs, kept in step by triggers.
    await sql`create virtual table search_fts using fts5(doc, content='search_docs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger search_docs_ai after insert on search_docs begin
      insert into search_fts(rowid, doc) values (new.rowid, new.doc); end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs begin
      insert into search_fts(search_fts, rowid, doc) values ('delete', old.rowid, old.doc); end`.execute(db);
    await sql`create trigger search_docs_au after update on search_docs begin
      insert into search_fts(search_fts, rowid, doc) values ('delete', old.rowid, old.doc);
      insert into search_fts(rowid, doc) values (new.rowid, new.doc); end`.execute(db);
  },

  async search(db, q) {
    if (q.accountTypeIds.length === 0) return { hits: [], count: 0 };
    const match = q.terms.map(ftsTerm).join(' ');
    const where = sql`search_fts match ${match} and d.locale = ${q.locale} and d.channel = ${q.channel}
      and d.type_id in (${sql.join(q.accountTypeIds)})`;
    const rows = await sql<{ entry_id: number; rank: number }>`
      select d.entry_id as entry_id, bm25(search_fts) as rank
      from search_fts join search_docs d on d.rowid = search_fts.rowid
      where ${where} order by rank, d.entry_id limit ${q.limit} offset ${q.offset}`.execute(db);
    const total = await sql<{ n: number }>`
      select count(*) as n from search_fts join search_docs d on d.rowid = search_fts.rowid where ${where}`.execute(db);
    return { hits: rows.rows, count: Number(total.rows[0]?.n ?? 0) };
  },

  async createPostSearchIndex(db: Kysely<unknown>) {
    await sql`create virtual table post_search_fts using fts5(title, summary, body, content='post_search', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger post_search_ai after insert on post_search begin
      insert into post_search_fts(rowid, title, summary, body) values (new.rowid, new.title, new.summary, new.body); end`.execute(
      db,
    );
    await sql`create trigger post_search_ad after delete on post_search begin
      insert into post_search_fts(post_search_fts, rowid, title, summary, body) values ('delete', old.rowid, old.title, old.summary, old.body); end`.execute(
      db,
    );
    await sql`create trigger post_search_au after update on post_search begin
      insert into post_search_fts(post_search_fts, rowid, title, summary, body) values ('delete', old.rowid, old.title, old.summary, old.body);
      insert into post_search_fts(rowid, title, summary, body) values (new.rowid, new.title, new.summary, new.body); end`.execute(
      db,
    );
  },

  postMatches(terms) {
    // bm25 is lower for better matches; negated so that higher is better, as on PostgreSQL.
    // Column weights: a title match counts most, then the summary, then the body.
    const match = terms.map(ftsTerm).join(' ');
    return sql<PostMatch>`(select s.post_id as post_id, s.channel as channel, -bm25(post_search_fts, 10.0, 4.0, 1.0) as rank
      from post_search_fts join post_search s on s.rowid = post_search_fts.rowid where post_search_fts match ${match})`;
  },

  skipLocked() {
    return sql``;
  },

  forUpdate() {
    return sql``;
  },

  async lockKeys() {
    // `begin immediate` has already made this the only writing transaction on the file.
  },
};
