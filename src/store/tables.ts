import type { Generated, Insertable, Selectable } from 'kysely';
import type { TokenKind } from '../shared/tokens.js';
import type { BlogTables } from './blog-tables.js';
import type { HistoryTables } from './history-tables.js';
import type { MediaTables } from './media-tables.js';
import type {
  InvitationsTable,
  MembershipsTable,
  SessionsTable,
  SignInFailuresTable,
  UsersTable,
} from './user-tables.js';
import type { WebhookTables } from './webhook-tables.js';

// Row shapes of every table, as Kysely sees them. Timestamps are ISO 8601 strings with
// microseconds (they sort as text); booleans are 0/1 on both databases.

export interface AccountsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  plan: string;
  monthly_call_limit: number | null;
  billing_anchor_day: number;
  owner_email: string;
  /** Bumped by every change to content types or locales: keys the in-process schema cache. */
  schema_version: number;
  /** Bumped by every content write: keys response caches. */
  content_version: number;
  created: string;
  /** The site's base URL for the feeds' absolute links (migration 014); null: unset. */
  site_url: string | null;
  /** The feeds' title; null: ButterCMS's own. */
  feed_title: string | null;
  /** The schema document's `blog.preview_url` (migration 018); null: none. */
  blog_preview_url: string | null;
}

export interface TokensTable {
  id: Generated<number>;
  account_id: number;
  kind: TokenKind;
  hash: string;
  prefix: string;
  last4: string;
  label: string;
  created: string;
  last_used: string | null;
  revoked_at: string | null;
}

export interface LocalesTable {
  account_id: number;
  slug: string;
  name: string;
  is_default: number;
  position: number;
}

export type ContentTypeKind = 'page_type' | 'single_page' | 'collection' | 'component';

export interface ContentTypesTable {
  id: Generated<number>;
  account_id: number;
  kind: ContentTypeKind;
  key: string;
  name: string;
  /** The field definitions of the schema document, as JSON text. */
  fields: string;
  /** A page type's or collection's preview URL template (migration 018); null: none. */
  preview_url: string | null;
}

/** An account's key for signing preview tokens (src/preview/): never shown, never exported. */
export interface PreviewSecretsTable {
  account_id: number;
  secret: string;
  created: string;
}

export interface EntriesTable {
  id: Generated<number>;
  account_id: number;
  type_id: number;
  /** Pages have a slug; collection items have none (they are addressed by id). */
  slug: string | null;
  created: string;
  /** When the entry goes off the air in every locale (docs/api.md §13), or null. */
  unpublish_at: Generated<string | null>;
}

/**
 * One version of an entry in one locale. `channel` 'published' is what readers see;
 * 'latest' is the newest version, draft or published, which `preview=1` shows.
 */
export interface EntryVersionsTable {
  entry_id: number;
  locale: string;
  channel: 'published' | 'latest';
  status: 'draft' | 'published';
  name: string;
  fields: string;
  updated: string;
  published: string | null;
  /**
   * A `latest` draft with a time waits to be published then; a published version keeps the time
   * a schedule published it at (null when published by hand).
   */
  scheduled: Generated<string | null>;
}

/** Scalar leaves of a version, for filters and ordering on any schema field. */
export interface FieldValuesTable {
  entry_id: number;
  type_id: number;
  locale: string;
  channel: 'published' | 'latest';
  path: string;
  text_value: string | null;
  num_value: number | null;
}

/** References of a version: "who points at me", and filters through references. */
export interface RefsTable {
  entry_id: number;
  locale: string;
  channel: 'published' | 'latest';
  path: string;
  position: number;
  target_entry_id: number;
}

/** Plain-text search document of a page version (the full-text index is per dialect). */
export interface SearchDocsTable {
  entry_id: number;
  type_id: number;
  locale: string;
  channel: 'published' | 'latest';
  doc: string;
}

/** API calls of an account on one UTC day. */
export interface UsageTable {
  account_id: number;
  day: string;
  calls: number;
}

/** The cache tags one content version changed. */
export interface ContentChangesTable {
  account_id: number;
  version: number;
  tags: string;
}

/** One committed step of an import into an account (migration 006). */
export interface ImportProgressTable {
  account_id: number;
  /** What is imported: `archive:<sha256>` or `butter:<base URL>`. */
  source: string;
  step: string;
  done: string;
  /** What the step produced that a resumed run needs (a downloaded file's name, an item's new id). */
  detail: Generated<string>;
}

export interface Database extends BlogTables, WebhookTables, MediaTables, HistoryTables {
  accounts: AccountsTable;
  tokens: TokensTable;
  locales: LocalesTable;
  content_types: ContentTypesTable;
  entries: EntriesTable;
  entry_versions: EntryVersionsTable;
  field_values: FieldValuesTable;
  refs: RefsTable;
  search_docs: SearchDocsTable;
  api_usage: UsageTable;
  content_changes: ContentChangesTable;
  import_progress: ImportProgressTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  invitations: InvitationsTable;
  preview_secrets: PreviewSecretsTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type Token = Selectable<TokensTable>;
export type ContentTypeRow = Selectable<ContentTypesTable>;
export type EntryVersion = Selectable<EntryVersionsTable>;
