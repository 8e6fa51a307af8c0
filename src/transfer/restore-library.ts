import type { Insertable, Kysely } from 'kysely';
import { typeOfName } from '../media/media-types.js';
import {
  MEDIA_ALT_MAX_LENGTH,
  MEDIA_CAPTION_MAX_LENGTH,
  MEDIA_TAG_MAX_LENGTH,
  MEDIA_TAGS_MAX,
} from '../shared/media.js';
import type { MediaTable } from '../store/media-tables.js';
import type { Database } from '../store/tables.js';
import { ArchiveError } from './archive-io.js';
import type { ConflictMode } from './restore-terms.js';

/** A library row to restore, its type and size read from the archive's bytes. */
export type LibraryRow = Omit<Insertable<MediaTable>, 'account_id'>;

// Tabs and line breaks may be in a caption; other control characters (NUL among them) in no text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_NAME = 1000;
const MAX_STAMP = 40;

/**
 * The archive's library (`media.json`), checked as the library's own writes are, before the import
 * changes anything: an archive is a file anyone could have written. Each row must name a file the
 * archive holds, once. An archive without the file lists none. Keys other than a row's (a newer
 * Ghee's) are ignored.
 */
export function archivedLibrary(archived: unknown, files: Map<string, Buffer>): LibraryRow[] {
  if (archived === undefined) return [];
  if (!Array.isArray(archived)) throw new ArchiveError('media.json must hold a list');
  const seen = new Set<string>();
  return archived.map((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new ArchiveError(`media.json: item ${i} must be an object`);
    const checked = checkRow(row as Record<string, unknown>, i, files);
    if (seen.has(checked.name)) throw new ArchiveError(`media.json: ${checked.name}: is listed twice`);
    seen.add(checked.name);
    return checked;
  });
}

function checkRow(r: Record<string, unknown>, i: number, files: Map<string, Buffer>): LibraryRow {
  const fail = (what: string): never => {
    throw new ArchiveError(`media.json: ${typeof r.name === 'string' ? r.name : `item ${i}`}: ${what}`);
  };
  const name = typeof r.name === 'string' ? r.name : '';
  const bytes = files.get(name);
  const type = typeOfName(name);
  if (!bytes || !type) return fail('names no file of the archive');
  const text = (key: string, max: number) => {
    const value = r[key];
    return typeof value === 'string' && [...value].length <= max && !CONTROL.test(value)
      ? value
      : fail(`${key} must be text of at most ${max} characters`);
  };
  const tags = r.tags;
  const tag = (t: unknown) =>
    typeof t === 'string' && t.trim() !== '' && [...t].length <= MEDIA_TAG_MAX_LENGTH && !CONTROL.test(t);
  if (!Array.isArray(tags) || tags.length > MEDIA_TAGS_MAX || !tags.every(tag))
    fail(`tags must be a list of at most ${MEDIA_TAGS_MAX} tags of 1 to ${MEDIA_TAG_MAX_LENGTH} characters`);
  const point = r.focal_point as { x?: unknown; y?: unknown } | null | undefined;
  const fraction = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  if (point !== null && (typeof point !== 'object' || !fraction(point.x) || !fraction(point.y)))
    fail('focal_point must be {"x": <0 to 1>, "y": <0 to 1>} or null');
  const pixels = (key: string) => {
    const value = r[key];
    return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
      ? value
      : fail(`${key} must be a positive whole number or null`);
  };
  const stamp = (key: string, blank: boolean) => {
    const value = r[key];
    const ok =
      typeof value === 'string' && value.length <= MAX_STAMP && (value ? !Number.isNaN(Date.parse(value)) : blank);
    return ok ? value : fail(`${key} must be a date and time${blank ? ', or ""' : ''}`);
  };
  return {
    name,
    mime: type.mime,
    size: bytes.length,
    original_name: text('original_name', MAX_NAME),
    alt: text('alt', MEDIA_ALT_MAX_LENGTH),
    caption: text('caption', MEDIA_CAPTION_MAX_LENGTH),
    tags: JSON.stringify(tags),
    focal_x: point ? (point.x as number) : null,
    focal_y: point ? (point.y as number) : null,
    width: pixels('width'),
    height: pixels('height'),
    created: stamp('created', false),
    updated: stamp('updated', true),
  };
}

/**
 * Lists the archive's files in the account's library, in the caller's transaction: a file the
 * library lists already keeps its description (`skip`) or takes the archive's (`replace`).
 */
export async function restoreLibrary(
  trx: Kysely<Database>,
  accountId: number,
  rows: LibraryRow[],
  mode: ConflictMode,
): Promise<void> {
  for (const { name, ...row } of rows) {
    const listed = await trx
      .selectFrom('media')
      .select('name')
      .where('account_id', '=', accountId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (!listed)
      await trx
        .insertInto('media')
        .values({ account_id: accountId, name, ...row })
        .execute();
    else if (mode === 'replace')
      await trx.updateTable('media').set(row).where('account_id', '=', accountId).where('name', '=', name).execute();
  }
}
