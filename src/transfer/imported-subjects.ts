/**
 * Where an archive's pages, items and posts are in the importing account once the entries and
 * posts steps have committed: what the history step needs to attach their history. Kept as the
 * details of those steps (import_progress), so an import resumed at the history step has it too.
 */
export interface ImportedSubjects {
  /** By the archive's entry id: the entry written here, or the account's one kept in its place. */
  entryIds: Map<number, number>;
  /** Entries the import wrote; of those, the ones it replaced (their own history gives way). */
  writtenEntries: Set<number>;
  replacedEntries: Set<number>;
  /** Posts the import wrote, by slug; of those, the ones it replaced. */
  posts: Map<string, number>;
  replacedPosts: Set<number>;
}

/** The entries step's detail. */
export function entriesDetail(ids: Map<number, number>, written: { id: number; replaced: boolean }[]): string {
  return JSON.stringify({
    ids: [...ids],
    written: written.map((w) => w.id),
    replaced: written.filter((w) => w.replaced).map((w) => w.id),
  });
}

/** The posts step's detail. */
export function postsDetail(written: { id: number; slug: string; replaced: boolean }[]): string {
  return JSON.stringify({
    written: written.map((p) => [p.slug, p.id]),
    replaced: written.filter((p) => p.replaced).map((p) => p.id),
  });
}

/** The subjects from the two steps' details ('' when a step wrote none, or ran before this was kept). */
export function importedSubjects(entries: string | undefined, posts: string | undefined): ImportedSubjects {
  const e = parse<{ ids: [number, number][]; written: number[]; replaced: number[] }>(entries);
  const p = parse<{ written: [string, number][]; replaced: number[] }>(posts);
  return {
    entryIds: new Map(e?.ids ?? []),
    writtenEntries: new Set(e?.written ?? []),
    replacedEntries: new Set(e?.replaced ?? []),
    posts: new Map(p?.written ?? []),
    replacedPosts: new Set(p?.replaced ?? []),
  };
}

function parse<T>(detail: string | undefined): T | null {
  return detail ? (JSON.parse(detail) as T) : null;
}
