import { sql, type Kysely } from 'kysely';

/**
 * An account's site settings, for its feeds: the site's base URL (absolute links are
 * `<site_url>/blog/<slug>`) and the feeds' title. Null means unset: the feeds then write links
 * and the title as ButterCMS does without them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column site_url text`.execute(db);
  await sql`alter table accounts add column feed_title text`.execute(db);
}
