import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

export type DialectName = 'sqlite' | 'postgres';

export interface SearchHit {
  entry_id: number;
  rank: number;
}

/** What truly differs between the databases; everything else is shared Kysely code. */
export interface Dialect {
  readonly name: DialectName;
  /** Column type for text that must compare and sort by code point. */
  readonly binaryText: string;
  /** Creates the full-text index over search_docs (migration step). */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Entry ids whose search document matches every term (as a prefix), best match first. */
  search(
    db: Kysely<Database> | Transaction<Database>,
    q: { accountTypeIds: number[]; locale: string; channel: string; terms: string[]; limit: number; offset: number },
  ): Promise<{ hits: SearchHit[]; count: number }>;
}
