import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { MediaStore } from '../media-store.js';
import { listedAnywhere } from '../media-table.js';
import { mentionedElsewhere } from './mentioning-rows.js';

/**
 * Removes a file's bytes (and derivatives) from the store once nothing needs them: no account's
 * library lists it, and no content outside `exceptAccount` (anywhere, when null) mentions its
 * hash, such as a download into another account's field, which no library lists. Call it after
 * the change that let go of the file has committed. True when the bytes went.
 */
export async function removeIfUnused(
  db: Kysely<Database>,
  store: MediaStore,
  name: string,
  exceptAccount: number | null,
): Promise<boolean> {
  const hash = name.slice(0, name.indexOf('.'));
  if ((await listedAnywhere(db, name)) || (await mentionedElsewhere(db, hash, exceptAccount))) return false;
  await store.remove(name);
  return true;
}
