import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isPreviewToken } from '../preview/preview-token.js';
import { findCaller, type Caller } from './find-caller.js';

/** Tokens remembered at most; past it the memory starts afresh (a flood of tokens cannot grow it). */
const MAX_CALLERS = 10_000;

/**
 * The callers behind tokens, remembered while the database has not changed. `dataVersion`
 * (SQLite's `PRAGMA data_version` on the read connection) moves whenever any other connection
 * commits, in this process or another: a revocation, a plan change or a content write made
 * anywhere is seen on the next request, as with a lookup per request, for a fraction of its
 * cost. Without it (PostgreSQL) every request looks its token up.
 */
export class CallerCache {
  private version: number | null = null;
  private readonly callers = new Map<string, Caller>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataVersion: (() => number) | null,
  ) {}

  async find(token: string, now = new Date()): Promise<Caller | null> {
    // A preview token expires by itself, without a commit to tell: it is checked every time.
    if (!this.dataVersion || isPreviewToken(token)) return findCaller(this.db, token, now);
    const version = this.dataVersion();
    if (version !== this.version) {
      this.callers.clear();
      this.version = version;
    }
    const known = this.callers.get(token);
    if (known) return known;
    const caller = await findCaller(this.db, token);
    // Unknown tokens are not remembered; a caller read while the database moved on is used once.
    if (caller && this.version === version) {
      if (this.callers.size >= MAX_CALLERS) this.callers.clear();
      this.callers.set(token, caller);
    }
    return caller;
  }
}
