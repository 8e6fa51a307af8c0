import type { Kysely } from 'kysely';
import type { ContentTypeKind, ContentTypeRow, Database } from '../store/tables.js';
import type { Fields } from './schema/types.js';

/** A content type of the snapshot: its row with the fields parsed. */
export interface ContentType extends Pick<ContentTypeRow, 'id' | 'kind' | 'key' | 'name'> {
  fields: Fields;
}

export interface Locale {
  slug: string;
  name: string;
  isDefault: boolean;
}

/** An account's content types and locales, as one immutable snapshot. */
export interface AccountSchema {
  accountId: number;
  version: number;
  locales: Locale[];
  defaultLocale: string;
  byId: Map<number, ContentType>;
  /** `<kind>:<key>`, e.g. `page_type:landing_page`, `collection:brands`, `component:seo`. */
  byKey: Map<string, ContentType>;
}

export function typeKey(kind: ContentTypeKind, key: string): string {
  return `${kind}:${key}`;
}

/** Reads an account's schema from the database. */
export async function loadAccountSchema(
  db: Kysely<Database>,
  accountId: number,
  version: number,
): Promise<AccountSchema> {
  const [types, locales] = await Promise.all([
    db.selectFrom('content_types').selectAll().where('account_id', '=', accountId).execute(),
    db.selectFrom('locales').selectAll().where('account_id', '=', accountId).orderBy('position').execute(),
  ]);
  const byId = new Map<number, ContentType>();
  const byKey = new Map<string, ContentType>();
  for (const row of types) {
    const type: ContentType = {
      id: row.id,
      kind: row.kind,
      key: row.key,
      name: row.name,
      fields: JSON.parse(row.fields) as Fields,
    };
    byId.set(type.id, type);
    byKey.set(typeKey(type.kind, type.key), type);
  }
  const list = locales.map((l) => ({ slug: l.slug, name: l.name, isDefault: l.is_default === 1 }));
  const defaultLocale = list.find((l) => l.isDefault)?.slug ?? list[0]?.slug ?? 'en';
  return { accountId, version, locales: list, defaultLocale, byId, byKey };
}

/**
 * Keeps the newest schema snapshot of each account in memory. The caller passes the account's
 * current `schema_version` (read with the token on every request), so a change made by another
 * process (the CLI, another node) is seen from the next request on.
 */
export class SchemaCache {
  private readonly snapshots = new Map<number, Promise<AccountSchema>>();

  constructor(private readonly db: Kysely<Database>) {}

  get(accountId: number, version: number): Promise<AccountSchema> {
    const cached = this.snapshots.get(accountId);
    if (cached) {
      return cached.then((s) => (s.version === version ? s : this.reload(accountId, version)));
    }
    return this.reload(accountId, version);
  }

  private reload(accountId: number, version: number): Promise<AccountSchema> {
    const loading = loadAccountSchema(this.db, accountId, version);
    this.snapshots.set(accountId, loading);
    loading.catch(() => this.snapshots.delete(accountId));
    return loading;
  }
}
