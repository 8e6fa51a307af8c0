/**
 * Most targets one `many` reference field may hold (docs/api.md). Long enough for the related
 * lists ButterCMS sites keep; short enough that one field's lookups and rows stay small.
 */
export const MAX_REFERENCES_PER_FIELD = 1000;

/**
 * Most references one write may hold in all its fields, repeater rows, items and locales: each
 * is a stored row per channel, written in the write's transaction (on SQLite, on the event loop).
 */
export const MAX_REFERENCES_PER_WRITE = 5000;

/**
 * Ids or slugs bound in one `IN (...)` lookup, and rows in one insert of a version's derived rows
 * (seven values each): either way well under SQLite's 32,766 and PostgreSQL's 65,535 bound
 * values per statement.
 */
export const LOOKUP_CHUNK = 500;

/** `items` cut into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A stored `many` reference list held to the rules writes follow, for writers that copy stored
 * values (the ButterCMS import, archive restore): a target repeated keeps its first place, and a
 * list longer than the cap keeps its first MAX_REFERENCES_PER_FIELD. `dropped` counts the rest.
 */
export function fitReferenceList(ids: number[]): { ids: number[]; dropped: number } {
  const seen = new Set<number>();
  const kept: number[] = [];
  for (const id of ids) {
    if (seen.has(id) || kept.length >= MAX_REFERENCES_PER_FIELD) continue;
    seen.add(id);
    kept.push(id);
  }
  return { ids: kept, dropped: ids.length - kept.length };
}
