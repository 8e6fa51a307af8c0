import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { MediaIngester } from '../../media/media-ingester.js';
import type { Database } from '../../store/tables.js';
import type { AccountSchema } from '../account-schema.js';

/** What a page or item operation works with, whichever API calls it. */
export interface WriteContext {
  db: Kysely<Database>;
  /** The caller's account, as its schema snapshot. */
  schema: AccountSchema;
  /** Who writes: a user, a token, the scheduler, an import (audit/actor.ts). */
  actor: Actor;
  /** Downloads media URLs into the library; absent (CLI, seed), URLs are stored as given. */
  ingestMedia?: MediaIngester;
  /** The write's instant (the app's clock); absent, the real time. */
  now?: Date;
}
