import type { Kysely } from 'kysely';
import type { Caller } from '../accounts/find-caller.js';
import type { Database } from '../store/tables.js';
import { changedTagsSince } from './content-changes.js';
import type { Clock } from '../time.js';

/** A finished answer: its bytes, their compressed forms (made on first demand) and what it depends on. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  tags: string[];
  preview: boolean;
  /** When the answer goes stale by itself (epoch ms), as when a scheduled post goes live. */
  expires?: number | null;
  /** The Surrogate-Key header, made on first send. */
  surrogateKey?: string;
  gzip?: Buffer;
  br?: Buffer;
}

interface Stored extends CachedAnswer {
  accountId: number;
  size: number;
}

/** What the cache knows of one account: the content version it has caught up with, and its tags. */
interface AccountState {
  seen: number;
  schema: number;
  byTag: Map<string, Set<string>>;
  syncing: Promise<void> | null;
}

export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
  entries: number;
  bytes: number;
}

/**
 * Finished /v2 answers by account, schema version, path and normalised query, bounded in bytes
 * (least recently used first out). Eviction is precise: every answer carries tags (`e<id>` for
 * each entry it shows, `t<id>` for lists of a type, ...), every write records the tags it
 * touched with the account's new content version, and a request whose caller carries a newer
 * version than the cache has seen evicts those tags first. As the version is read with the token
 * on every request, a write on any node is seen by the next request on every node.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Stored>();
  private readonly accounts = new Map<number, AccountState>();
  private bytes = 0;
  readonly stats: Omit<CacheStats, 'entries' | 'bytes'> = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBytes: number,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Brings the caller's account up to its content version, evicting what changed since. */
  async sync(caller: Caller): Promise<void> {
    const state = this.stateOf(caller);
    while (caller.contentVersion > state.seen) {
      state.syncing ??= this.catchUp(caller.accountId, state, caller.contentVersion).finally(
        () => (state.syncing = null),
      );
      await state.syncing;
    }
  }

  /** The cached answer under `key`, marked as recently used. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry?.expires != null && entry.expires <= this.clock().getTime()) this.delete(key, true);
    if (!entry || !this.entries.has(key)) {
      this.stats.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    return entry;
  }

  /**
   * Keeps an answer computed for `caller`, unless the account moved on meanwhile (then the answer
   * may predate a change whose eviction already ran, so it is not kept).
   */
  put(caller: Caller, key: string, answer: CachedAnswer): void {
    const state = this.accounts.get(caller.accountId);
    if (!state || state.seen !== caller.contentVersion || state.schema !== caller.schemaVersion) return;
    const size = answer.body.length + key.length + 200;
    if (size > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { ...answer, accountId: caller.accountId, size });
    this.bytes += size;
    for (const tag of answer.tags) {
      let keys = state.byTag.get(tag);
      if (!keys) state.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.maxBytes) this.delete(this.entries.keys().next().value!, true);
  }

  /** Adds a compressed form to a cached answer (counted against the bound). */
  addEncoding(key: string, encoding: 'gzip' | 'br', bytes: Buffer): void {
    const entry = this.entries.get(key);
    if (!entry || entry[encoding]) return;
    entry[encoding] = bytes;
    entry.size += bytes.length;
    this.bytes += bytes.length;
  }

  /** Numbers for the debug header, tests and the benchmark. */
  snapshot(): CacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private stateOf(caller: Caller): AccountState {
    let state = this.accounts.get(caller.accountId);
    if (!state) {
      state = { seen: caller.contentVersion, schema: caller.schemaVersion, byTag: new Map(), syncing: null };
      this.accounts.set(caller.accountId, state);
    } else if (state.schema !== caller.schemaVersion) {
      // A schema or locale change: the account's answers are all keyed by the old version.
      this.dropAccount(caller.accountId, state);
      state.schema = caller.schemaVersion;
      state.seen = Math.max(state.seen, caller.contentVersion);
    }
    return state;
  }

  private async catchUp(accountId: number, state: AccountState, target: number): Promise<void> {
    const tags = await changedTagsSince(this.db, accountId, state.seen, target);
    if (tags === null) this.dropAccount(accountId, state);
    else for (const tag of tags) for (const key of state.byTag.get(tag) ?? []) this.delete(key, true);
    state.seen = Math.max(state.seen, target);
  }

  private dropAccount(accountId: number, state: AccountState): void {
    for (const [key, entry] of this.entries) if (entry.accountId === accountId) this.delete(key, true);
    state.byTag.clear();
  }

  private delete(key: string, evicted = false): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    if (evicted) this.stats.evictions++;
    const state = this.accounts.get(entry.accountId);
    for (const tag of entry.tags) {
      const keys = state?.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) state!.byTag.delete(tag);
    }
  }
}
