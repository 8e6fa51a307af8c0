import type { AccountSchema } from '../content/account-schema.js';
import { ImportedHtmlError, sanitizeImportedBody, sanitizeImportedFields } from '../content/write/sanitize-imported.js';
import type { ArchivedEntry, ArchivedPost } from './archive-format.js';
import { ArchiveError } from './archive-io.js';

/**
 * Sanitises, in place, the rich text of an archive's entries or posts before they are restored:
 * an archive is a file anyone could have written, so its HTML is treated as a write's would be.
 * HTML past the limits is an ArchiveError naming where it is.
 */
export async function sanitizeArchive(
  content: { entries?: ArchivedEntry[]; posts?: ArchivedPost[] },
  schema?: AccountSchema,
): Promise<void> {
  try {
    for (const entry of content.entries ?? []) {
      const type = schema?.byKey.get(entry.type);
      if (!type) continue; // restoreEntries refuses an entry of a type the schema lacks
      for (const v of entry.versions)
        await sanitizeImportedFields(
          type,
          v.fields,
          schema!,
          `entries.json: entry ${entry.id} (${v.locale}, ${v.channel})`,
        );
    }
    for (const post of content.posts ?? []) {
      for (const v of post.versions) {
        if (typeof v.body === 'string')
          v.body = await sanitizeImportedBody(v.body, `posts.json: post ${post.slug} (${v.channel}), body`);
      }
    }
  } catch (error) {
    if (error instanceof ImportedHtmlError) throw new ArchiveError(error.message);
    throw error;
  }
}
