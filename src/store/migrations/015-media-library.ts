import { sql, type Kysely } from 'kysely';

/**
 * The media library's descriptions of a file, per account: the name it was uploaded under (kept
 * in its URL), alt text, caption, tags, the focal point crops keep in frame, and an image's size.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    `original_name text not null default ''`,
    `alt text not null default ''`,
    `caption text not null default ''`,
    // A JSON array of strings.
    `tags text not null default '[]'`,
    // Fractions of the width and height (0 to 1); null when unset (crops keep the centre).
    `focal_x real`,
    `focal_y real`,
    `width integer`,
    `height integer`,
    `updated text not null default ''`,
  ]) {
    await sql`alter table media add column ${sql.raw(column)}`.execute(db);
  }
  // /media looks a file's focal point up by name alone, whatever the account (images/focal-points.ts).
  await sql`create index media_name on media (name)`.execute(db);
}
