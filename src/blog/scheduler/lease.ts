import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';

/**
 * Takes (or renews) the lease `name` for `holder` until `now + ttlMs`, in one statement: an
 * upsert that only overwrites a lease that has expired or is already the holder's. The database
 * decides between processes racing for it, so at most one holds it at any time. True when held.
 */
export async function acquireLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const expires = isoMicro(new Date(now.getTime() + ttlMs));
  const row = await db
    .insertInto('leases')
    .values({ name, holder, expires })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires })
        .where((eb) => eb.or([eb('leases.expires', '<=', isoMicro(now)), eb('leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease up (if still held), so another process can take it at once. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
