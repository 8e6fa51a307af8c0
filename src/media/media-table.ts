import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { MediaTable } from '../store/media-tables.js';
import type { Database } from '../store/tables.js';

// The `media` table: which accounts have which files in their library, and how each describes
// them (the files themselves are MediaStore's, stored once whatever the account).

/** A file of an account's library, as the table lists it. */
export type AccountMedia = Omit<Selectable<MediaTable>, 'account_id'>;

/** Every column of a listed file but the account: what a library read selects. */
export const ACCOUNT_MEDIA_COLUMNS = [
  'name',
  'mime',
  'size',
  'created',
  'original_name',
  'alt',
  'caption',
  'tags',
  'focal_x',
  'focal_y',
  'width',
  'height',
  'updated',
] as const satisfies readonly (keyof AccountMedia)[];

/** A new file of an account's library. */
export type NewAccountMedia = Omit<Insertable<MediaTable>, 'account_id'>;

/** What a description changes. */
export type MediaDescriptionRow = Pick<
  Updateable<MediaTable>,
  'alt' | 'caption' | 'tags' | 'focal_x' | 'focal_y' | 'updated'
>;

/** What an update of a listed file changes: its description, and for a replacement its name. */
export type MediaUpdateRow = MediaDescriptionRow & Pick<Updateable<MediaTable>, 'original_name'>;

/**
 * Lists a file in an account's library; the same file uploaded again is listed once, keeping its
 * first name and description. True when this added it.
 */
export async function addAccountMedia(
  db: Kysely<Database>,
  accountId: number,
  file: NewAccountMedia,
): Promise<boolean> {
  const added = await db
    .insertInto('media')
    .values({ account_id: accountId, ...file })
    .onConflict((oc) => oc.columns(['account_id', 'name']).doNothing())
    .returning('name')
    .executeTakeFirst();
  return added !== undefined;
}

/** A file of the account's library, or undefined when it does not list it. */
export async function findAccountMedia(
  db: Kysely<Database>,
  accountId: number,
  name: string,
): Promise<AccountMedia | undefined> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .executeTakeFirst()
    .then((row) => row && withoutAccount(row));
}

/** Changes a listed file's description (and, for a replacement, what it was uploaded as). */
export async function updateAccountMedia(
  db: Kysely<Database>,
  accountId: number,
  name: string,
  change: MediaUpdateRow,
): Promise<void> {
  await db.updateTable('media').set(change).where('account_id', '=', accountId).where('name', '=', name).execute();
}

/** Takes a file off the account's library (its bytes stay: other accounts may list them). */
export async function removeAccountMedia(db: Kysely<Database>, accountId: number, name: string): Promise<void> {
  await db.deleteFrom('media').where('account_id', '=', accountId).where('name', '=', name).execute();
}

/** True when any account's library lists the file. */
export async function listedAnywhere(db: Kysely<Database>, name: string): Promise<boolean> {
  const row = await db.selectFrom('media').select('name').where('name', '=', name).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The library's alt text of each of `names` the account has described, for posts that have none of their own. */
export async function altTexts(db: Kysely<Database>, accountId: number, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(['name', 'alt'])
    .where('account_id', '=', accountId)
    .where('name', 'in', names)
    .where('alt', '!=', '')
    .execute();
  return new Map(rows.map((r) => [r.name, r.alt]));
}

function withoutAccount(row: Selectable<MediaTable>): AccountMedia {
  const { account_id: _account, ...rest } = row;
  return rest;
}
