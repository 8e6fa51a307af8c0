import { loadAccountSchema, type AccountSchema } from '../content/account-schema.js';
import { applySchema } from '../content/schema/apply-schema.js';
import type { SchemaDocument } from '../content/schema/types.js';
import { MAX_REFERENCES_PER_FIELD } from '../content/write/reference-limits.js';
import type { MediaIngester } from '../media/media-ingester.js';
import { MediaError } from '../media/media-error.js';
import type { MediaStore } from '../media/media-store.js';
import type { Store } from '../store/database.js';
import { ImportProgress } from '../transfer/import-progress.js';
import type { ButterSource } from './butter-client.js';
import { collectMedia } from './collect-media.js';
import { dropDanglingReferences, inferSchema } from './infer-schema.js';
import { listImportedMedia } from './list-imported-media.js';
import type { ProgressBar } from './progress-bar.js';
import { readSource, type ReadPlan, type SourceEntry } from './read-source.js';
import { originalNameOf, sourceUrl, splitMediaUrl, withTasks } from './source-media-url.js';
import type { Unresolved } from './to-stored.js';
import { createEntries, lookupsOf, saveVersions, type EntryIds } from './write-entries.js';
import { copyAuthors, copyPosts, copyTerms } from './write-blog.js';

export interface ButterImportOptions {
  accountId: number;
  source: ButterSource;
  /** Identifies the source (its base URL): the key of the import's progress. */
  sourceKey: string;
  plan: ReadPlan;
  /** A schema document to apply instead of inferring one. */
  schema?: unknown;
  ingestMedia: MediaIngester;
  /** The library the ingester stores into: each downloaded file is listed in the account's library. */
  library: MediaStore;
  /** Hosts serving ButterCMS's task URLs (`/resize=width:800/<handle>`); cdn.buttercms.com by default. */
  cdnHosts?: readonly string[];
  bar: ProgressBar;
  /** Called after each step commits (tests simulate an interruption here). */
  afterStep?: (step: string) => void | Promise<void>;
  now?: Date;
}

/** What an import did, and what it could not infer or fetch. */
export interface ButterImportResult {
  notes: string[];
  counts: { entries: number; posts: number; media: number };
}

/**
 * Copies a ButterCMS-compatible account into a Ghee account: reads the named content in every
 * locale (published and preview), applies the given or inferred schema, downloads media into the
 * library, creates items (keeping their ids where free), pages and the blog, then fills the
 * references whose targets came later. Each step commits with its progress record, so a run
 * after an interruption carries on where the last one stopped.
 */
export async function importButter(store: Store, o: ButterImportOptions): Promise<ButterImportResult> {
  const now = o.now ?? new Date();
  const snapshot = await readSource(o.source, o.plan);
  const progress = new ImportProgress(store.db, o.accountId, o.sourceKey);
  const done = await progress.done();
  const notes: string[] = [];
  const step = async (name: string, units: number, run: () => Promise<unknown>) => {
    if (!done.has(name)) {
      await run();
      await o.afterStep?.(name);
    }
    o.bar.tick(name, units);
  };
  const ordered = orderEntries(snapshot.entries);
  const locales = o.plan.locales.some((l) => l.param)
    ? o.plan.locales.map((l, i) => ({ slug: l.target, name: l.target, ...(i === 0 && { default: true }) }))
    : undefined;
  const inferred = inferSchema(ordered, locales);
  dropDanglingReferences(inferred.doc, inferred.notes);
  if (o.schema === undefined) {
    notes.push(
      ...inferred.notes,
      'the read API does not show required, max_length, pattern, dropdown options or localized: false; add them to the schema by hand (ghee schema export / apply)',
    );
  }
  const doc = (o.schema ?? inferred.doc) as SchemaDocument;
  o.bar.start(3 + ordered.length + snapshot.posts.size); // schema, blog terms, references

  await step('schema', 1, async () => {
    await applySchema(store.db, o.accountId, doc, { allowDataLoss: false });
    await progress.mark('schema');
  });
  let schema = await schemaOf(store, o.accountId);
  // Downloaded files by their URL without tasks; '' for one that could not be downloaded.
  const media = new Map<string, string>();
  for (const [key, detail] of done) if (key.startsWith('media:')) media.set(key.slice('media:'.length), detail);
  const where = { mediaBase: o.source.mediaBase, cdnHosts: o.cdnHosts };
  for (const [file, alt] of collectMedia(schema, ordered, snapshot.posts, where)) {
    if (media.has(file)) continue;
    let stored = '';
    try {
      stored = await o.ingestMedia(file);
    } catch (error) {
      if (!(error instanceof MediaError)) throw error;
      notes.push(`media ${file}: not downloaded (${error.message}); kept as a link`);
    }
    media.set(file, stored);
    await store.db.transaction().execute(async (trx) => {
      if (stored)
        await listImportedMedia(trx, o.accountId, o.library, stored, { originalName: originalNameOf(file), alt }, now);
      await progress.mark(`media:${file}`, trx, stored);
    });
  }
  await step('blog terms', 1, () =>
    store.db.transaction().execute(async (trx) => {
      await copyAuthors(trx, o.accountId, snapshot.authors, now);
      await copyTerms(trx, 'categories', o.accountId, snapshot.categories);
      await copyTerms(trx, 'tags', o.accountId, snapshot.tags);
      await progress.mark('blog terms', trx);
    }),
  );

  const ids = await existingIds(store, schema, done);
  // Entries this import made (in this run or an earlier one): the only ones pass two rewrites.
  const createdIds = new Map(
    [...done].filter(([key]) => key.startsWith('made:')).map(([key, id]) => [key, Number(id)]),
  );
  const lookups = lookupsOf(ids, (url) => {
    const absolute = sourceUrl(url, where.mediaBase);
    const { file, tasks } = splitMediaUrl(absolute ?? '', o.cdnHosts);
    const stored = absolute ? media.get(file) : undefined;
    return stored ? withTasks(stored, tasks) : undefined;
  });
  for (const [type, entries] of groupByType(ordered)) {
    const contentType = schema.byKey.get(type);
    await step(`content ${type}`, entries.length, () =>
      store.db.transaction().execute(async (trx) => {
        if (contentType) {
          const made = await createEntries(trx, store.dialect, schema, contentType, entries, ids, lookups, now);
          for (const { entry, id } of made) {
            await progress.mark(madeKey(entry), trx, String(id));
            createdIds.set(madeKey(entry), id);
          }
        }
        await progress.mark(`content ${type}`, trx);
      }),
    );
  }
  await step('posts', snapshot.posts.size, () =>
    store.db.transaction().execute(async (trx) => {
      await copyPosts(trx, o.accountId, snapshot.posts, lookups.media);
      await progress.mark('posts', trx);
    }),
  );
  // Pass two: every target now exists, so references that pointed forward can be stored.
  schema = await schemaOf(store, o.accountId);
  const unresolved: Unresolved = { count: 0 };
  await step('references', 1, () =>
    store.db.transaction().execute(async (trx) => {
      for (const entry of ordered) {
        const type = schema.byKey.get(entry.type);
        const id = createdIds.get(madeKey(entry));
        if (type && id !== undefined) await saveVersions(trx, schema, type, entry, id, lookups, now, unresolved);
      }
      await progress.mark('references', trx);
    }),
  );
  if (unresolved.count)
    notes.push(`${unresolved.count} reference(s) point at content that was not imported; they read as empty`);
  if (unresolved.dropped)
    notes.push(
      `${unresolved.dropped} reference(s) left out of lists that named a target twice or held more than ${MAX_REFERENCES_PER_FIELD}`,
    );
  o.bar.finish();
  return { notes, counts: { entries: ordered.length, posts: snapshot.posts.size, media: media.size } };
}

async function schemaOf(store: Store, accountId: number): Promise<AccountSchema> {
  const row = await store.db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return loadAccountSchema(store.db, accountId, row.schema_version);
}

/** Collections first (pages point at items more than the reverse), then page types, single pages. */
function orderEntries(entries: SourceEntry[]): SourceEntry[] {
  const rank = (e: SourceEntry) => (e.type.startsWith('collection:') ? 0 : e.type.startsWith('page_type:') ? 1 : 2);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      text(a.type, b.type) ||
      (a.sourceId ?? 0) - (b.sourceId ?? 0) ||
      text(a.slug ?? '', b.slug ?? ''),
  );
}

/** The progress key recording the entry made for a source page or item. */
function madeKey(entry: SourceEntry): string {
  return `made:${entry.type}:${entry.sourceId ?? entry.slug}`;
}

function groupByType(entries: SourceEntry[]): Map<string, SourceEntry[]> {
  const out = new Map<string, SourceEntry[]>();
  for (const entry of entries) out.set(entry.type, [...(out.get(entry.type) ?? []), entry]);
  return out;
}

/** The ids of entries made by earlier runs: items from the progress records, pages by slug. */
async function existingIds(store: Store, schema: AccountSchema, done: Map<string, string>): Promise<EntryIds> {
  const ids: EntryIds = { pages: new Map(), items: new Map() };
  for (const [key, detail] of done) {
    const match = /^made:collection:([^:]+):(\d+)$/.exec(key);
    if (match) ids.items.set(`${match[1]}\u0000${match[2]}`, Number(detail));
  }
  const pages = await store.db
    .selectFrom('entries')
    .select(['type_id', 'slug', 'id'])
    .where('account_id', '=', schema.accountId)
    .where('slug', 'is not', null)
    .execute();
  for (const page of pages) {
    const type = schema.byId.get(page.type_id);
    if (type) ids.pages.set(`${type.kind}:${type.key}\u0000${page.slug}`, page.id);
  }
  return ids;
}
