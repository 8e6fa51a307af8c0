import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { AccountSchema } from '../../content/account-schema.js';
import type { Database } from '../../store/tables.js';
import type { HistoryUrls } from './version-fields.js';

/** What reading versions works with, whichever front door (/v2, the dashboard, the CLI) calls it. */
export interface VersionsContext {
  db: Kysely<Database>;
  /** The caller's account, as its schema snapshot: versions are read under the current schema. */
  schema: AccountSchema;
  urls: HistoryUrls;
}

/** What a restore works with besides: who restores, and when. */
export interface RestoreContext extends VersionsContext {
  actor: Actor;
  now: Date;
}
