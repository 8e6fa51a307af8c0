import { sql, type Kysely } from 'kysely';

/**
 * Timed publishing and unpublishing of pages and items, and unpublishing of posts (docs/api.md
 * §13, src/scheduling/). A newest (`latest`) entry version waits for its time as a draft with
 * `scheduled` set: the status column keeps its two values, so no table is rebuilt. A published
 * version keeps the time a schedule published it at, as posts do. `unpublish_at` is per entry or
 * post, for all its locales. The partial indexes hold only what waits, so finding what is due
 * costs as little as there is of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table entry_versions add column scheduled text`.execute(db);
  await sql`alter table entries add column unpublish_at text`.execute(db);
  await sql`alter table posts add column unpublish_at text`.execute(db);
  await sql`create index entry_versions_due on entry_versions (scheduled)
    where status = 'draft' and scheduled is not null`.execute(db);
  await sql`create index entries_unpublish_due on entries (unpublish_at) where unpublish_at is not null`.execute(db);
  await sql`create index posts_unpublish_due on posts (unpublish_at) where unpublish_at is not null`.execute(db);
}
