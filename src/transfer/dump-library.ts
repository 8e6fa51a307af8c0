import type { Kysely } from 'kysely';
import { ACCOUNT_MEDIA_COLUMNS } from '../media/media-table.js';
import type { Database } from '../store/tables.js';
import { byCodePoint, type ArchivedMedia } from './archive-format.js';

/** The account's library as `media.json` holds it, by file name. */
export async function dumpLibrary(db: Kysely<Database>, accountId: number): Promise<ArchivedMedia[]> {
  const rows = await db.selectFrom('media').select(ACCOUNT_MEDIA_COLUMNS).where('account_id', '=', accountId).execute();
  return rows
    .map((row) => ({
      name: row.name,
      original_name: row.original_name,
      alt: row.alt,
      caption: row.caption,
      tags: tagsOf(row.tags),
      focal_point: row.focal_x === null || row.focal_y === null ? null : { x: row.focal_x, y: row.focal_y },
      width: row.width,
      height: row.height,
      created: row.created,
      updated: row.updated,
    }))
    .sort((a, b) => byCodePoint(a.name, b.name));
}

/** The stored JSON array of tags; anything else (written by hand into the database) as none. */
function tagsOf(text: string): string[] {
  try {
    const tags: unknown = JSON.parse(text);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
