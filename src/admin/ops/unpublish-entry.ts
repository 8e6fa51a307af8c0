import type { Kysely } from 'kysely';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { takeOffAir } from '../../content/write/take-off-air.js';
import type { Database } from '../../store/tables.js';
import { targetEntry, type EntryTarget } from './target-entry.js';
import type { Actor } from '../../audit/actor.js';

/**
 * Takes a page or item off the air, in one locale or (locale null) in all (take-off-air.ts).
 * Records the change, so cached answers are evicted on every node.
 */
export async function unpublishEntry(
  db: Kysely<Database>,
  schema: AccountSchema,
  type: ContentType,
  target: EntryTarget,
  locale: string | null,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const entry = await targetEntry(trx, schema, type, target);
    await takeOffAir(trx, schema, type, entry, locale, actor, now);
  });
}
