import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

// What waits for a time, as queries to which the callers add their account, range or aggregate:
// the one definition of each kind of scheduled change (next-due.ts, list-upcoming.ts). Each runs
// on a partial index of migration 017, or on the posts' `post_versions_due`.

/** Page and item versions waiting to be published: a newest draft with a time (`v.scheduled`). */
export function waitingVersions(db: Kysely<Database>) {
  return db
    .selectFrom('entry_versions as v')
    .innerJoin('entries as e', 'e.id', 'v.entry_id')
    .where('v.status', '=', 'draft')
    .where('v.scheduled', 'is not', null);
}

/** Pages and items with a time to go off the air (`e.unpublish_at`). */
export function leavingEntries(db: Kysely<Database>) {
  return db.selectFrom('entries as e').where('e.unpublish_at', 'is not', null);
}

/** Post versions waiting to be published, new posts and changes of live ones (`v.scheduled`). */
export function waitingPostVersions(db: Kysely<Database>) {
  return db
    .selectFrom('post_versions as v')
    .innerJoin('posts as p', 'p.id', 'v.post_id')
    .where('v.status', '=', 'scheduled');
}

/** Posts with a time to go off the air (`p.unpublish_at`). */
export function leavingPosts(db: Kysely<Database>) {
  return db.selectFrom('posts as p').where('p.unpublish_at', 'is not', null);
}
