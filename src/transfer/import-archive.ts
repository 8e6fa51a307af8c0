import type { Transaction } from 'kysely';
import { importActor, type Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadAccountSchema, type AccountSchema } from '../content/account-schema.js';
import { applySchema } from '../content/schema/apply-schema.js';
import type { MediaStore } from '../media/media-store.js';
import { MediaError } from '../media/media-error.js';
import { typeOfName } from '../media/media-types.js';
import { sanitizeSvgOffThread } from '../media/svg/svg-pool.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/tables.js';
import { countAccountContent, holdsContent } from './account-content.js';
import { IMPORT_STEPS, type ImportStep } from './archive-format.js';
import { ArchiveError } from './archive-io.js';
import { sha256 } from './export-account.js';
import { entriesDetail, importedSubjects, postsDetail } from './imported-subjects.js';
import { ImportProgress } from './import-progress.js';
import type { ParsedArchive } from './parse-archive.js';
import { recordImportedEntries, recordImportedPosts } from './record-imported.js';
import { restoreEntries } from './restore-entries.js';
import { restoreHistory } from './restore-history.js';
import { archivedLibrary, restoreLibrary } from './restore-library.js';
import { restorePosts } from './restore-posts.js';
import { archivedSettings, restoreSettings } from './restore-settings.js';
import { restoreAuthors, restoreTerms, type ConflictMode } from './restore-terms.js';
import { sanitizeArchive } from './sanitize-archive.js';

export interface ImportOptions {
  accountId: number;
  /** How to treat content the account already has; without it, a non-empty account is refused. */
  onConflict?: ConflictMode;
  /** Where the archive's files go (the local folder or a bucket, as the install keeps its media). */
  media: MediaStore;
  /**
   * Bring the archive's history (versions, trash, audit records; the default). Without it, or
   * from an archive that has none, the import keeps one version of each entry and post it writes.
   */
  history?: boolean;
  /** Who imports: the `import` audit record names them (default: the import itself). */
  actor?: Actor;
  /** Called after each step commits (progress lines; tests simulate an interruption here). */
  afterStep?: (step: ImportStep, status: 'done' | 'already done') => void | Promise<void>;
}

/** An import refused before it changed anything (non-empty account without `--on-conflict`). */
export class ImportRefused extends Error {}

/**
 * Restores an archive into an account, one transaction per kind of content (media files, the
 * library's rows, schema, authors with categories and tags, entries, posts, site settings, then
 * the history and the import's own audit record), each recorded as done with its writes. Run again after an interruption, it skips the steps already committed; run on a
 * finished import, it changes nothing.
 */
export async function importArchive(
  store: Store,
  archive: ParsedArchive,
  options: ImportOptions,
): Promise<{ steps: Record<string, string> }> {
  const { accountId } = options;
  // Checked before anything is written: a bad settings.json or media.json refuses the import whole.
  const settings = archivedSettings(archive.content.settings);
  const library = archivedLibrary(archive.content.library, archive.media);
  const progress = new ImportProgress(store.db, accountId, archive.source);
  const done = await progress.done();
  if (done.size === 0 && !options.onConflict) {
    const counts = await countAccountContent(store.db, accountId);
    if (holdsContent(counts)) {
      const held = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      throw new ImportRefused(
        `Account ${accountId} is not empty (${held}); run again with --on-conflict skip or --on-conflict replace`,
      );
    }
  }
  // Without --on-conflict the account was empty, so the archive's owner becomes the account's.
  const mode: ConflictMode = options.onConflict ?? 'skip';
  const takeOverDefault = options.onConflict !== 'skip';
  const { content } = archive;
  const history = options.history === false ? undefined : content.history;
  // The details of the steps done (entries and posts say where their subjects went), as they commit.
  const details = new Map(done);
  const steps: Record<string, string> = {};
  for (const step of IMPORT_STEPS) {
    if (done.has(step)) {
      steps[step] = 'already done';
      await options.afterStep?.(step, 'already done');
      continue;
    }
    if (step === 'media') {
      await restoreMedia(options.media, archive.media);
      await progress.mark(step);
    } else if (step === 'schema') {
      await applySchema(store.db, accountId, content.schema, { allowDataLoss: false });
      await progress.mark(step);
    } else {
      await store.db.transaction().execute(async (trx) => {
        let detail = '';
        if (step === 'library') {
          await restoreLibrary(trx, accountId, library, mode);
        } else if (step === 'terms') {
          await restoreAuthors(trx, accountId, content.authors, mode, takeOverDefault);
          await restoreTerms(trx, 'categories', accountId, content.categories, mode);
          await restoreTerms(trx, 'tags', accountId, content.tags, mode);
        } else if (step === 'entries') {
          const schema = await accountSchema(trx, accountId);
          await sanitizeArchive({ entries: content.entries }, schema);
          const restored = await restoreEntries(trx, store.dialect, schema, content.entries, mode);
          if (!history) await recordImportedEntries(trx, accountId, IMPORT, restored.written, new Date());
          detail = entriesDetail(restored.ids, restored.written);
        } else if (step === 'posts') {
          await sanitizeArchive({ posts: content.posts });
          const written = await restorePosts(trx, accountId, content.posts, mode);
          if (!history) await recordImportedPosts(trx, accountId, IMPORT, written, new Date());
          detail = postsDetail(written);
        } else if (step === 'settings') {
          await restoreSettings(trx, accountId, settings, mode);
        } else {
          const subjects = importedSubjects(details.get('entries'), details.get('posts'));
          const brought = history
            ? await restoreHistory(trx, store.dialect, await accountSchema(trx, accountId), history, subjects)
            : null;
          // The import's own record, with the step that ends it: once however often it resumes.
          await recordAudit(trx, options.actor ?? IMPORT, [
            { accountId, action: 'import', kind: 'account', targetId: accountId, detail: { history: brought } },
          ]);
        }
        await progress.mark(step, trx, detail);
        details.set(step, detail);
      });
    }
    steps[step] = 'done';
    await options.afterStep?.(step, 'done');
  }
  return { steps };
}

/** Who writes the content of an import: its versions and audit records name `import`. */
const IMPORT = importActor('import');

async function accountSchema(trx: Transaction<Database>, accountId: number): Promise<AccountSchema> {
  const account = await trx
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return loadAccountSchema(trx, accountId, account.schema_version);
}

/** Ghee stores only sanitised SVG (media/save-upload.ts), which sanitising leaves as it is. */
async function isCleanSvg(bytes: Buffer): Promise<boolean> {
  try {
    return (await sanitizeSvgOffThread(bytes)).equals(bytes);
  } catch (error) {
    if (error instanceof MediaError) return false;
    throw error;
  }
}

/** Writes the archive's media files into the library (content-addressed, so a repeat is a no-op). */
async function restoreMedia(library: MediaStore, media: Map<string, Buffer>): Promise<void> {
  for (const [name, bytes] of media) {
    const type = typeOfName(name);
    if (!type || !name.startsWith(sha256(bytes)))
      throw new ArchiveError(`media/${name} is not a file Ghee could have stored`);
    if (type.ext === 'svg' && !(await isCleanSvg(bytes)))
      throw new ArchiveError(`media/${name} is an SVG file Ghee would not have stored as it is`);
    await library.save(bytes, type.ext, type.mime);
  }
}
