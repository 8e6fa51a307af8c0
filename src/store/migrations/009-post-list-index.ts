import { sql, type Kysely } from 'kysely';

/**
 * Post lists and their counts read only these columns of every visible version: with them in
 * one index, a list sorts a small index entry per post instead of reading each post's body.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index post_versions_list on post_versions (channel, status, published, scheduled, post_id)`.execute(
    db,
  );
}
