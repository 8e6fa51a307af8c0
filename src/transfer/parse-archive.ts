import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveContent, type Manifest } from './archive-format.js';
import { ArchiveError } from './archive-io.js';
import { checkHistory } from './check-history.js';
import { sha256, type ArchiveFiles } from './export-account.js';
import { HISTORY_FILES } from './history-format.js';

/** A read archive whose checksums hold. */
export interface ParsedArchive {
  manifest: Manifest;
  content: ArchiveContent;
  /** Media files by name (`<hash>.<ext>`). */
  media: Map<string, Buffer>;
  /** Identifies the archive's content (not when it was exported): the key of its import progress. */
  source: string;
}

const JSON_FILES = ['schema', 'entries', 'authors', 'categories', 'tags', 'posts'] as const;

/**
 * Checks an archive against its manifest (format, version, every file's sha256, no file unlisted)
 * and parses its JSON files. Throws an ArchiveError naming the first problem.
 */
export function parseArchive(files: ArchiveFiles): ParsedArchive {
  const raw = files.get('manifest.json');
  if (!raw) throw new ArchiveError('Not a Ghee archive: manifest.json is missing');
  const manifest = parse<Manifest>(raw, 'manifest.json');
  if (manifest.format !== ARCHIVE_FORMAT)
    throw new ArchiveError('Not a Ghee archive: manifest.json has another format');
  if (manifest.version !== ARCHIVE_VERSION)
    throw new ArchiveError(
      `Archive version ${manifest.version} is not supported (this Ghee reads version ${ARCHIVE_VERSION})`,
    );
  for (const [name, sum] of Object.entries(manifest.files ?? {})) {
    const bytes = files.get(name);
    if (!bytes) throw new ArchiveError(`The archive is incomplete: ${name} is missing`);
    if (sha256(bytes) !== sum) throw new ArchiveError(`The archive is damaged: the checksum of ${name} does not match`);
  }
  for (const name of files.keys()) {
    if (name !== 'manifest.json' && !Object.hasOwn(manifest.files, name))
      throw new ArchiveError(`The archive holds a file its manifest does not list: ${name}`);
  }
  const content = Object.fromEntries(
    JSON_FILES.map((key) => {
      const bytes = files.get(`${key}.json`);
      if (!bytes) throw new ArchiveError(`The archive is incomplete: ${key}.json is missing`);
      return [key, parse(bytes, `${key}.json`)];
    }),
  ) as unknown as ArchiveContent;
  // settings.json came later: an archive made before it carries no settings.
  const settings = files.get('settings.json');
  if (settings) content.settings = parse(settings, 'settings.json');
  // So did media.json: an archive made before it lists no library (restore-library.ts checks it).
  const library = files.get('media.json');
  if (library) content.library = parse(library, 'media.json');
  // And the history files: all three or none (an archive made without history, or before it).
  const history = HISTORY_FILES.filter((key) => files.has(`${key}.json`));
  if (history.length) {
    const missing = HISTORY_FILES.find((key) => !files.has(`${key}.json`));
    if (missing) throw new ArchiveError(`The archive is incomplete: ${missing}.json is missing`);
    content.history = checkHistory(
      Object.fromEntries(HISTORY_FILES.map((key) => [key, parse(files.get(`${key}.json`)!, `${key}.json`)])),
    );
  }
  const media = new Map(
    [...files]
      .filter(([name]) => name.startsWith('media/'))
      .map(([name, bytes]) => [name.slice('media/'.length), bytes]),
  );
  // The checksums identify the content; exported_at does not, so a re-export resumes the same import.
  const source = `archive:${sha256(JSON.stringify(manifest.files))}`;
  return { manifest, content, media, source };
}

function parse<T>(bytes: Buffer, name: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new ArchiveError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}
