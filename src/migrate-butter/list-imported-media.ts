import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { MediaStore } from '../media/media-store.js';
import { addAccountMedia } from '../media/media-table.js';
import { typeOfName } from '../media/media-types.js';
import { MEDIA_ALT_MAX_LENGTH } from '../shared/media.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/** What the source says of a downloaded file. */
export interface ImportedDescription {
  /** The ButterCMS handle (or the URL's last segment). */
  originalName: string;
  /** The first alt text the content gives it (`featured_image_alt`, `<img alt>`), or ''. */
  alt: string;
}

/**
 * Lists a downloaded file (`/media/<name>`) in the account's library, with its size, an image's
 * width and height, and what the source says of it. A file the library lists already (uploaded
 * before, or imported by an earlier run) keeps its description; only an empty name or alt is filled.
 */
export async function listImportedMedia(
  db: Kysely<Database>,
  accountId: number,
  library: MediaStore,
  stored: string,
  given: ImportedDescription,
  now: Date,
): Promise<void> {
  const name = stored.slice('/media/'.length);
  const type = typeOfName(name);
  const opened = type && (await library.open(name));
  if (!type || !opened) return;
  await opened.close();
  const size = type.mime.startsWith('image/') ? await imageSize(library, name) : null;
  // Held to what the library's own description takes (an alt written by hand takes no more).
  const described = {
    originalName: [...plain(given.originalName)].slice(0, MAX_NAME).join(''),
    alt: [...plain(given.alt).trim()].slice(0, MEDIA_ALT_MAX_LENGTH).join('').trim(),
  };
  await addAccountMedia(db, accountId, {
    name,
    mime: type.mime,
    size: opened.size,
    created: isoMicro(now),
    original_name: described.originalName,
    alt: described.alt,
    width: size?.width ?? null,
    height: size?.height ?? null,
  });
  for (const column of ['original_name', 'alt'] as const) {
    const value = column === 'alt' ? described.alt : described.originalName;
    if (value)
      await db
        .updateTable('media')
        .set({ [column]: value })
        .where('account_id', '=', accountId)
        .where('name', '=', name)
        .where(column, '=', '')
        .execute();
  }
}

const MAX_NAME = 255;

/** Text without control characters (line breaks and tabs become spaces). */
function plain(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
}

/** An image's size as shown (its EXIF orientation applied), or null when its header cannot be read. */
async function imageSize(library: MediaStore, name: string): Promise<{ width: number; height: number } | null> {
  const bytes = await library.read(name);
  if (!bytes) return null;
  try {
    const { autoOrient } = await sharp(bytes).metadata();
    return autoOrient.width && autoOrient.height ? { width: autoOrient.width, height: autoOrient.height } : null;
  } catch {
    return null;
  }
}
