import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Database } from '../tables.js';

export type DialectName = 'sqlite' | 'postgres';

/** A post version matching a search, with its score (higher is better on both databases). */
export interface PostMatch {
  post_id: number;
  channel: string;
  rank: number;
}

export interface SearchHit {
  entry_id: number;
  rank: number;
}

/** What truly differs between the databases; everything else is shared Kysely code. */
export interface Dialect {
  readonly name: DialectName;
  /** Column type for text that must compare and sort by code point. */
  readonly binaryText: string;
  /** Column definition of a table's generated `id` primary key, never reused once taken. */
  readonly serialPrimaryKey: string;
  /** True for this database's unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** True for this database's foreign-key violation. */
  isForeignKeyViolation(error: unknown): boolean;
  /**
   * After rows were inserted with explicit ids (an import keeping its ids), makes the next
   * ordinary insert take an id past the largest: PostgreSQL moves the serial sequence; SQLite's
   * AUTOINCREMENT already takes the largest id into account.
   */
  syncIdSequence(db: Kysely<Database> | Transaction<Database>, table: 'entries'): Promise<void>;
  /** Creates the full-text index over search_docs (migration step). */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Entry ids whose search document matches every term (as a prefix), best match first. */
  search(
    db: Kysely<Database> | Transaction<Database>,
    q: { accountTypeIds: number[]; locale: string; channel: string; terms: string[]; limit: number; offset: number },
  ): Promise<{ hits: SearchHit[]; count: number }>;
  /** Creates the weighted full-text index over post_search (migration step). */
  createPostSearchIndex(db: Kysely<unknown>): Promise<void>;
  /**
   * A subquery of the post versions matching every term (as a prefix) in title, summary or body,
   * a title match weighing most and a body match least. Shared code joins it to the posts, so
   * which posts a reader may see is decided in one place.
   */
  postMatches(terms: string[]): RawBuilder<PostMatch>;
  /**
   * What ends a SELECT of rows about to be claimed: PostgreSQL's `for update skip locked`, so
   * concurrent claimers pass over each other's rows instead of waiting; nothing on SQLite, whose
   * single writer already serializes the claiming UPDATE.
   */
  skipLocked(): RawBuilder<unknown>;
  /**
   * What ends a SELECT of a row that is checked, then deleted: PostgreSQL's `for update`, which
   * waits for transactions that link to the row (their foreign-key check holds `for key share`),
   * so the check that follows sees their links; nothing on SQLite, whose single writer already
   * makes check and delete one step.
   */
  forUpdate(): RawBuilder<unknown>;
  /**
   * Holds a lock per key until the transaction ends, so counting and inserting under a key is one
   * step for every connection and node: PostgreSQL's transaction-level advisory locks (taken in
   * sorted order, so two callers cannot deadlock); nothing on SQLite, whose `begin immediate`
   * already lets one writer in at a time.
   */
  lockKeys(trx: Transaction<Database>, keys: string[]): Promise<void>;
}
