import type { SelectType } from 'kysely';
import type { Database } from '../../src/store/tables.js';

// The columns of every table of src/store/*tables.ts, written out so a test can compare them with
// a migrated database. The types below fail the type check when this list and the interfaces
// drift apart: a column missing or extra, a table missing, a nullable column not marked.

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;
/** The columns of a table whose selected value may be null. */
type NullableOf<T extends keyof Database> = {
  [C in ColumnOf<T>]: null extends SelectType<Database[T][C]> ? C : never;
}[ColumnOf<T>];

interface TableColumns<T extends keyof Database> {
  columns: readonly ColumnOf<T>[];
  nullable: readonly NullableOf<T>[];
}

export const TABLE_COLUMNS = {
  accounts: {
    columns: [
      'id',
      'slug',
      'name',
      'plan',
      'monthly_call_limit',
      'billing_anchor_day',
      'owner_email',
      'schema_version',
      'content_version',
      'created',
      'site_url',
      'feed_title',
      'blog_preview_url',
    ],
    nullable: ['monthly_call_limit', 'site_url', 'feed_title', 'blog_preview_url'],
  },
  tokens: {
    columns: ['id', 'account_id', 'kind', 'hash', 'prefix', 'last4', 'label', 'created', 'last_used', 'revoked_at'],
    nullable: ['last_used', 'revoked_at'],
  },
  locales: { columns: ['account_id', 'slug', 'name', 'is_default', 'position'], nullable: [] },
  content_types: {
    columns: ['id', 'account_id', 'kind', 'key', 'name', 'fields', 'preview_url'],
    nullable: ['preview_url'],
  },
  entries: {
    columns: ['id', 'account_id', 'type_id', 'slug', 'created', 'unpublish_at'],
    nullable: ['slug', 'unpublish_at'],
  },
  entry_versions: {
    columns: ['entry_id', 'locale', 'channel', 'status', 'name', 'fields', 'updated', 'published', 'scheduled'],
    nullable: ['published', 'scheduled'],
  },
  field_values: {
    columns: ['entry_id', 'type_id', 'locale', 'channel', 'path', 'text_value', 'num_value'],
    nullable: ['text_value', 'num_value'],
  },
  refs: { columns: ['entry_id', 'locale', 'channel', 'path', 'position', 'target_entry_id'], nullable: [] },
  search_docs: { columns: ['entry_id', 'type_id', 'locale', 'channel', 'doc'], nullable: [] },
  api_usage: { columns: ['account_id', 'day', 'calls'], nullable: [] },
  content_changes: { columns: ['account_id', 'version', 'tags'], nullable: [] },
  import_progress: { columns: ['account_id', 'source', 'step', 'done', 'detail'], nullable: [] },
  users: { columns: ['id', 'email', 'password_hash', 'name', 'created', 'operator'], nullable: [] },
  memberships: { columns: ['user_id', 'account_id', 'role', 'created'], nullable: [] },
  sessions: { columns: ['id', 'user_id', 'csrf_token', 'created', 'expires', 'last_seen'], nullable: [] },
  sign_in_failures: { columns: ['key', 'at', 'attempt'], nullable: ['attempt'] },
  invitations: {
    columns: ['id', 'account_id', 'email', 'role', 'name', 'token_hash', 'invited_by', 'created', 'expires'],
    nullable: ['invited_by'],
  },
  authors: {
    columns: [
      'id',
      'account_id',
      'slug',
      'first_name',
      'last_name',
      'email',
      'bio',
      'title',
      'linkedin_url',
      'facebook_url',
      'instagram_url',
      'pinterest_url',
      'twitter_handle',
      'profile_image',
      'is_default',
      'created',
    ],
    nullable: [],
  },
  categories: { columns: ['id', 'account_id', 'name', 'slug'], nullable: [] },
  tags: { columns: ['id', 'account_id', 'name', 'slug'], nullable: [] },
  posts: { columns: ['id', 'account_id', 'slug', 'created', 'unpublish_at'], nullable: ['unpublish_at'] },
  post_versions: {
    columns: [
      'post_id',
      'channel',
      'status',
      'author_id',
      'title',
      'body',
      'summary',
      'seo_title',
      'meta_description',
      'featured_image',
      'featured_image_alt',
      'updated',
      'published',
      'scheduled',
    ],
    nullable: ['published', 'scheduled'],
  },
  post_categories: { columns: ['post_id', 'channel', 'term_id', 'position'], nullable: [] },
  post_tags: { columns: ['post_id', 'channel', 'term_id', 'position'], nullable: [] },
  post_search: { columns: ['post_id', 'channel', 'title', 'summary', 'body'], nullable: [] },
  leases: { columns: ['name', 'holder', 'expires'], nullable: [] },
  webhooks: { columns: ['id', 'account_id', 'url', 'events', 'headers', 'secret', 'enabled', 'created'], nullable: [] },
  webhook_deliveries: {
    columns: [
      'id',
      'webhook_id',
      'event',
      'payload',
      'status',
      'attempts',
      'next_attempt_at',
      'retry_until',
      'locked_by',
      'locked_until',
      'last_status',
      'last_error',
      'created',
      'delivered_at',
    ],
    nullable: ['retry_until', 'locked_by', 'locked_until', 'last_status', 'last_error', 'delivered_at'],
  },
  media: {
    columns: [
      'account_id',
      'name',
      'mime',
      'size',
      'created',
      'original_name',
      'alt',
      'caption',
      'tags',
      'focal_x',
      'focal_y',
      'width',
      'height',
      'updated',
    ],
    nullable: ['focal_x', 'focal_y', 'width', 'height'],
  },
  versions: {
    columns: [
      'id',
      'account_id',
      'kind',
      'subject_id',
      'type_id',
      'locale',
      'status',
      'name',
      'slug',
      'fields',
      'hash',
      'actor_type',
      'actor_name',
      'restored_from',
      'request_id',
      'created',
    ],
    nullable: ['type_id', 'slug', 'restored_from', 'request_id'],
  },
  trash: {
    columns: [
      'id',
      'account_id',
      'kind',
      'subject_id',
      'type_id',
      'slug',
      'name',
      'snapshot',
      'deleted',
      'actor_type',
      'actor_name',
      'purge_after',
    ],
    nullable: ['type_id', 'slug'],
  },
  audit_log: {
    columns: [
      'id',
      'account_id',
      'at',
      'actor_type',
      'actor_name',
      'action',
      'kind',
      'target_id',
      'target_slug',
      'request_id',
      'client',
      'detail',
    ],
    nullable: ['account_id', 'target_id', 'target_slug', 'request_id', 'client', 'detail'],
  },
  preview_secrets: { columns: ['account_id', 'secret', 'created'], nullable: [] },
} as const satisfies { [T in keyof Database]: TableColumns<T> };

type Listed = typeof TABLE_COLUMNS;
/** Per table, the columns of its interface the list leaves out (each must be `never`). */
type Unlisted = {
  [T in keyof Database]:
    Exclude<ColumnOf<T>, Listed[T]['columns'][number]> | Exclude<NullableOf<T>, Listed[T]['nullable'][number]>;
};
/** A type error here names the columns of the interfaces that TABLE_COLUMNS leaves out (or does not mark nullable). */
export const EVERY_COLUMN_LISTED: [Unlisted[keyof Database]] extends [never]
  ? true
  : { unlisted: Unlisted[keyof Database] } = true;
