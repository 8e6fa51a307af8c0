import type { Insertable, Kysely, Selectable } from 'kysely';
import type { MediaTable } from '../store/media-tables.js';
import type { Database } from '../store/tables.js';

// The `media` table: which accounts uploaded which files of the library (the files themselves
// are MediaStore's, on disk, stored once whatever the account).

/** A file of an account's library, as the table lists it. */
export type AccountMedia = Omit<Selectable<MediaTable>, 'account_id'>;

/** Lists a file in an account's library; the same file uploaded again is listed once. */
export async function addAccountMedia(
  db: Kysely<Database>,
  accountId: number,
  file: Omit<Insertable<MediaTable>, 'account_id'>,
): Promise<void> {
  await db
    .insertInto('media')
    .values({ account_id: accountId, ...file })
    .onConflict((oc) => oc.columns(['account_id', 'name']).doNothing())
    .execute();
}

/** A page of an account's library, newest upload first, plus the count. */
export async function listAccountMedia(
  db: Kysely<Database>,
  accountId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: Pick<AccountMedia, 'name' | 'mime' | 'size' | 'created'>[]; count: number }> {
  const base = db.selectFrom('media').where('account_id', '=', accountId);
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const count = Number(counted?.n ?? 0);
  const rows =
    page.offset < count
      ? await base
          .select(['name', 'mime', 'size', 'created'])
          .orderBy('created', 'desc')
          .orderBy('name')
          .limit(page.limit)
          .offset(page.offset)
          .execute()
      : [];
  return { rows, count };
}
