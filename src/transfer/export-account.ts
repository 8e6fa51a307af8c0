import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { exportSchema } from '../content/schema/export-schema.js';
import { MEDIA_NAME } from '../media/media-types.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveJson, byCodePoint, type Manifest } from './archive-format.js';
import { dumpAuthors, dumpPosts, dumpTerms } from './dump-blog.js';
import { dumpEntries } from './dump-entries.js';
import { dumpSettings } from './dump-settings.js';
import { collectMediaNames } from './map-references.js';

/** The files of an archive, by path inside it (`manifest.json`, `media/<hash>.<ext>`, ...). */
export type ArchiveFiles = Map<string, Buffer>;

export interface ExportResult {
  files: ArchiveFiles;
  manifest: Manifest;
  /** Media named by the content but absent from the media directory (left out of the archive). */
  missingMedia: string[];
}

/**
 * Reads everything of an account into archive files: the schema document, every entry with all
 * its versions, authors, categories, tags, posts, the site settings, the media files the content
 * uses, and a manifest with counts and checksums. Reads run in one transaction, so the archive is a
 * consistent snapshot even while the account is being written.
 */
export async function exportAccount(
  db: Kysely<Database>,
  accountId: number,
  mediaDir: string,
  now = new Date(),
): Promise<ExportResult> {
  const content = await db.transaction().execute(async (trx) => ({
    schema: await exportSchema(trx, accountId),
    entries: await dumpEntries(trx, accountId),
    authors: await dumpAuthors(trx, accountId),
    categories: await dumpTerms(trx, 'categories', accountId),
    tags: await dumpTerms(trx, 'tags', accountId),
    posts: await dumpPosts(trx, accountId),
    settings: await dumpSettings(trx, accountId),
  }));
  const names = new Set<string>();
  collectMediaNames(
    content.entries.map((e) => e.versions.map((v) => v.fields)),
    names,
  );
  collectMediaNames(
    content.posts.map((p) => p.versions.map((v) => v.featured_image)),
    names,
  );
  collectMediaNames(
    content.authors.map((a) => a.profile_image),
    names,
  );
  const files: ArchiveFiles = new Map();
  for (const [name, value] of Object.entries(content)) files.set(`${name}.json`, archiveJson(value));
  const missingMedia: string[] = [];
  for (const name of [...names].sort(byCodePoint)) {
    if (!MEDIA_NAME.test(name)) continue;
    try {
      files.set(`media/${name}`, await fs.readFile(path.join(mediaDir, name)));
    } catch {
      missingMedia.push(name);
    }
  }
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
      media: files.size - Object.keys(content).length,
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
