import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { SECTIONS } from './sections.js';

/** How much content an account holds, which decides whether a schema change loses data. */
export interface ContentCounts {
  /** Entries of each content type, keyed by its document path (`collections.brands`). */
  entries: Map<string, number>;
  /** Entries with at least one version in each locale, keyed by locale slug. */
  locales: Map<string, number>;
}

/** No content at all: for diffing documents that are not (yet) an account's schema. */
export function noContent(): ContentCounts {
  return { entries: new Map(), locales: new Map() };
}

/** Counts an account's entries per content type and per locale (two grouped queries). */
export async function countContent(db: Kysely<Database>, accountId: number): Promise<ContentCounts> {
  const [types, locales] = await Promise.all([
    db
      .selectFrom('entries')
      .innerJoin('content_types', 'content_types.id', 'entries.type_id')
      .select(['content_types.kind', 'content_types.key', (eb) => eb.fn.countAll().as('n')])
      .where('entries.account_id', '=', accountId)
      .groupBy(['content_types.kind', 'content_types.key'])
      .execute(),
    db
      .selectFrom('entry_versions')
      .innerJoin('entries', 'entries.id', 'entry_versions.entry_id')
      .select(['entry_versions.locale', (eb) => eb.fn.count('entry_versions.entry_id').distinct().as('n')])
      .where('entries.account_id', '=', accountId)
      .groupBy('entry_versions.locale')
      .execute(),
  ]);
  const sectionOf = new Map(SECTIONS.map((s) => [s.kind, s.name]));
  return {
    entries: new Map(types.map((r) => [`${sectionOf.get(r.kind)}.${r.key}`, Number(r.n)])),
    locales: new Map(locales.map((r) => [r.locale, Number(r.n)])),
  };
}
