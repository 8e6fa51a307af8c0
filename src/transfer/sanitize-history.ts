import type { AccountSchema, ContentType } from '../content/account-schema.js';
import { ImportedHtmlError, sanitizeImportedBody, sanitizeImportedFields } from '../content/write/sanitize-imported.js';
import type { EntrySnapshot, PostSnapshot } from '../history/trash/trash-snapshot.js';
import type { SubjectKind } from '../store/history-tables.js';
import { ArchiveError } from './archive-io.js';

// History an archive brings is shown (versions, compares) and restored later: its rich text is
// sanitised as an archive's content is (sanitize-archive.ts), before it is stored.

/** Sanitises, in place, a version's fields: an entry's by its type, a post's body. */
export async function sanitizeVersionFields(
  kind: SubjectKind,
  fields: Record<string, unknown>,
  type: ContentType | undefined,
  schema: AccountSchema,
  where: string,
): Promise<void> {
  await explained(async () => {
    if (kind === 'post') {
      if (typeof fields.body === 'string') fields.body = await sanitizeImportedBody(fields.body, `${where}, body`);
    } else if (type) await sanitizeImportedFields(type, fields, schema, where);
  });
}

/** Sanitises, in place, the versions a trash row's snapshot holds. */
export async function sanitizeSnapshot(
  kind: SubjectKind,
  snapshot: EntrySnapshot | PostSnapshot,
  schema: AccountSchema,
  where: string,
): Promise<void> {
  await explained(async () => {
    if (kind === 'post') {
      for (const v of (snapshot as PostSnapshot).versions)
        v.body = await sanitizeImportedBody(v.body, `${where} (${v.channel}), body`);
      return;
    }
    const entry = snapshot as EntrySnapshot;
    const type = schema.byKey.get(`${entry.type.kind}:${entry.type.key}`);
    if (!type) return;
    for (const v of entry.versions) {
      const values = JSON.parse(v.fields) as Record<string, unknown>;
      await sanitizeImportedFields(type, values, schema, `${where} (${v.locale}, ${v.channel})`);
      v.fields = JSON.stringify(values);
    }
  });
}

async function explained(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportedHtmlError) throw new ArchiveError(error.message);
    throw error;
  }
}
