import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './database.js';
import * as initial from './migrations/001-initial.js';
import * as blog from './migrations/002-blog.js';
import * as usage from './migrations/003-usage.js';
import * as users from './migrations/004-users.js';
import * as contentChanges from './migrations/005-content-changes.js';
import * as imports from './migrations/006-imports.js';
import * as webhooks from './migrations/007-webhooks.js';
import * as media from './migrations/008-media.js';
import * as postListIndex from './migrations/009-post-list-index.js';
import * as invitations from './migrations/010-invitations.js';
import * as signInAttempts from './migrations/011-sign-in-attempts.js';
import * as installOperators from './migrations/012-install-operators.js';
import * as resanitizeHtml from './migrations/013-resanitize-html.js';
import * as siteSettings from './migrations/014-site-settings.js';
import * as mediaLibrary from './migrations/015-media-library.js';
import * as history from './migrations/016-history.js';
import * as scheduling from './migrations/017-scheduling.js';
import * as previewSecrets from './migrations/018-preview-secrets.js';

/** Every migration, in order. A new one is appended here and never edited once released. */
const MIGRATIONS = {
  '001-initial': initial,
  '002-blog': blog,
  '003-usage': usage,
  '004-users': users,
  '005-content-changes': contentChanges,
  '006-imports': imports,
  '007-webhooks': webhooks,
  '008-media': media,
  '009-post-list-index': postListIndex,
  '010-invitations': invitations,
  '011-sign-in-attempts': signInAttempts,
  '012-install-operators': installOperators,
  '013-resanitize-html': resanitizeHtml,
  '014-site-settings': siteSettings,
  '015-media-library': mediaLibrary,
  '016-history': history,
  '017-scheduling': scheduling,
  '018-preview-secrets': previewSecrets,
} as const;

function provider(store: Store): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, store.dialect) };
      return out;
    },
  };
}

/**
 * Brings the database to the newest schema. Kysely's migrator holds a database lock (an advisory
 * lock on PostgreSQL), so nodes started together migrate once. Refuses a database that has
 * migrations this code does not know (it was migrated by a newer Ghee).
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  // Nodes started at the same moment race to create Kysely's own tables (PostgreSQL can refuse a
  // concurrent CREATE TABLE IF NOT EXISTS), and SQLite has no migration lock: the loser's
  // transaction fails and changes nothing, and its next try finds the work done.
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(store);
    } catch (error) {
      if (attempt >= 5 || error instanceof NewerDatabaseError) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** A database migrated by a newer Ghee than this one: this node must not serve it. */
export class NewerDatabaseError extends Error {}

async function migrateOnce(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: provider(store) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Kysely reports an applied migration that this code lacks as "... is missing".
    if (/missing/i.test(message)) {
      throw new NewerDatabaseError(
        `This database was migrated by a newer version of Ghee (${message}). Upgrade Ghee before starting it on this database.`,
      );
    }
    throw error instanceof Error ? error : new Error(message);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the database holds exactly the migrations this code knows (for /readyz): false while
 * migrations are pending or when a newer Ghee has migrated it further.
 */
export async function migrationsCurrent(store: Store): Promise<boolean> {
  const migrator = new Migrator({ db: store.db, provider: provider(store) });
  const known = await migrator.getMigrations();
  return known.every((m) => m.executedAt !== undefined);
}
