import type { Kysely } from 'kysely';
import type { AccountSchema } from '../../content/account-schema.js';
import type { Database } from '../../store/tables.js';
import { versionFields, type HistoryUrls } from './version-fields.js';
import type { VersionRow } from './version-rows.js';

/** A version in a list (docs/api.md §12.1). */
export interface VersionSummary {
  id: number;
  created: string;
  /** Null for posts, which have no locales. */
  locale: string | null;
  status: string;
  author: { type: string; name: string };
  /** The version a restore brought back, or null. */
  restored_from: number | null;
}

/** One version with its content. */
export interface VersionView extends VersionSummary {
  name: string;
  /** Null for items. */
  slug: string | null;
  fields: Record<string, unknown>;
}

/** A stored version in its listed form. */
export function versionSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    created: row.created,
    locale: row.kind === 'post' ? null : row.locale,
    status: row.status,
    author: { type: row.actor_type, name: row.actor_name },
    restored_from: row.restored_from,
  };
}

/** A stored version with its name, slug and fields as the API shows them. */
export async function versionView(
  db: Kysely<Database>,
  schema: AccountSchema,
  row: VersionRow,
  urls: HistoryUrls,
): Promise<VersionView> {
  return {
    ...versionSummary(row),
    name: row.name,
    slug: row.kind === 'item' ? null : row.slug,
    fields: await versionFields(db, schema, row, urls),
  };
}
