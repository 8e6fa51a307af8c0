import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { exportSchema } from '../content/schema/export-schema.js';
import type { MediaStore } from '../media/media-store.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveJson, byCodePoint, type Manifest } from './archive-format.js';
import { dumpAuthors, dumpPosts, dumpTerms } from './dump-blog.js';
import { dumpEntries } from './dump-entries.js';
import { dumpHistory, historyMedia } from './dump-history.js';
import { dumpLibrary } from './dump-library.js';
import { dumpSettings } from './dump-settings.js';
import { collectMediaNames } from './media-names.js';

/** The files of an archive, by path inside it (`manifest.json`, `media/<hash>.<ext>`, ...). */
export type ArchiveFiles = Map<string, Buffer>;

export interface ExportResult {
  files: ArchiveFiles;
  manifest: Manifest;
  /** Files of the library or named by the content but absent from the media store (left out of the archive). */
  missingMedia: string[];
}

/**
 * Reads everything of an account into archive files: the schema document, every entry with all
 * its versions, authors, categories, tags, posts, the site settings, the account's library
 * (`media.json`: each file's description) and its files, with any other file the content uses
 * (read from `media`, wherever it keeps them), its history unless `history: false` (versions,
 * trash and audit records, with the files they name), and a manifest with counts and checksums. Reads of
 * the database run in one transaction, so the archive is a consistent snapshot even while the
 * account is being written.
 */
export async function exportAccount(
  db: Kysely<Database>,
  accountId: number,
  media: MediaStore,
  now = new Date(),
  options: { history?: boolean } = {},
): Promise<ExportResult> {
  const withHistory = options.history ?? true;
  const { library, history, ...content } = await db.transaction().execute(async (trx) => ({
    schema: await exportSchema(trx, accountId),
    entries: await dumpEntries(trx, accountId),
    authors: await dumpAuthors(trx, accountId),
    categories: await dumpTerms(trx, 'categories', accountId),
    tags: await dumpTerms(trx, 'tags', accountId),
    posts: await dumpPosts(trx, accountId),
    settings: await dumpSettings(trx, accountId),
    library: await dumpLibrary(trx, accountId),
    history: withHistory ? await dumpHistory(trx, accountId) : null,
  }));
  const names = new Set(library.map((file) => file.name));
  const ownFile = (url: string) => media.ownMedia(url)?.file.name ?? null;
  collectMediaNames(
    content.entries.map((e) => e.versions.map((v) => v.fields)),
    names,
    ownFile,
  );
  collectMediaNames(
    content.posts.map((p) => p.versions.map((v) => [v.featured_image, v.body])),
    names,
    ownFile,
  );
  collectMediaNames(
    content.authors.map((a) => a.profile_image),
    names,
    ownFile,
  );
  if (history) collectMediaNames(historyMedia(history), names, ownFile);
  const files: ArchiveFiles = new Map();
  for (const [name, value] of Object.entries({ ...content, ...history })) files.set(`${name}.json`, archiveJson(value));
  const missingMedia: string[] = [];
  for (const name of [...names].sort(byCodePoint)) {
    const bytes = await media.read(name);
    if (bytes) files.set(`media/${name}`, bytes);
    else missingMedia.push(name);
  }
  // A row whose file is gone is left out with it: an archive names no file it does not hold.
  files.set('media.json', archiveJson(library.filter((file) => files.has(`media/${file.name}`))));
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exported_at: isoMicro(now),
    counts: {
      entries: content.entries.length,
      versions: content.entries.reduce((n, e) => n + e.versions.length, 0),
      authors: content.authors.length,
      categories: content.categories.length,
      tags: content.tags.length,
      posts: content.posts.length,
      media: names.size - missingMedia.length,
      ...(history && { history: history.versions.length, trash: history.trash.length, audit: history.audit.length }),
    },
    files: Object.fromEntries([...files.keys()].sort(byCodePoint).map((p) => [p, sha256(files.get(p)!)])),
  };
  files.set('manifest.json', archiveJson(manifest));
  return { files, manifest, missingMedia };
}

/** Hex sha256 of bytes. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
