// The files of a Ghee archive (`ghee export`), as TypeScript types. Every JSON file is written by
// `archiveJson`, with its arrays in a stable order (entries by id, the rest by slug), so an
// export of the same content gives the same bytes; only `exported_at` in the manifest differs.
import type { PostChannel, PostStatus } from '../store/blog-tables.js';
import type { ArchivedHistory } from './history-format.js';

export const ARCHIVE_FORMAT = 'ghee-archive';
export const ARCHIVE_VERSION = 1;

/** The steps of an import, in the order they run; each commits on its own. */
export const IMPORT_STEPS = ['media', 'library', 'schema', 'terms', 'entries', 'posts', 'settings', 'history'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** `manifest.json`: what the archive holds, and the sha256 of every other file in it. */
export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exported_at: string;
  counts: Record<string, number>;
  files: Record<string, string>;
}

/** One version of an entry, as stored: references are entry ids, media `/media/<name>`. */
export interface ArchivedVersion {
  locale: string;
  channel: 'published' | 'latest';
  status: 'draft' | 'published';
  name: string;
  fields: unknown;
  updated: string;
  published: string | null;
  /** Only when set: the time a draft waits for, or a version was published at by a schedule. */
  scheduled?: string | null;
}

/** A page or collection item (`entries.json`); `type` is `<kind>:<key>`, e.g. `collection:brands`. */
export interface ArchivedEntry {
  id: number;
  type: string;
  slug: string | null;
  created: string;
  /** Only when set: when the entry goes off the air. */
  unpublish_at?: string | null;
  versions: ArchivedVersion[];
}

/** An author (`authors.json`); the default one becomes the importing account's owner. */
export interface ArchivedAuthor {
  slug: string;
  first_name: string;
  last_name: string;
  email: string;
  bio: string;
  title: string;
  linkedin_url: string;
  facebook_url: string;
  instagram_url: string;
  pinterest_url: string;
  twitter_handle: string;
  profile_image: string;
  is_default: boolean;
  created: string;
}

/** A category or tag (`categories.json`, `tags.json`). */
export interface ArchivedTerm {
  name: string;
  slug: string;
}

/** One version of a post; author, categories and tags by slug. */
export interface ArchivedPostVersion {
  channel: PostChannel;
  status: PostStatus;
  author: string;
  title: string;
  body: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  featured_image: string;
  featured_image_alt: string;
  updated: string;
  published: string | null;
  scheduled: string | null;
  categories: string[];
  tags: string[];
}

/** A post (`posts.json`). */
export interface ArchivedPost {
  slug: string;
  created: string;
  /** Only when set: when the post goes off the air. */
  unpublish_at?: string | null;
  versions: ArchivedPostVersion[];
}

/** The account's site settings (`settings.json`): the feeds' site URL and title, null when unset. */
export interface ArchivedSettings {
  site_url: string | null;
  feed_title: string | null;
}

/**
 * A file of the account's library (`media.json`, by name), its bytes at `media/<name>`; its type
 * and size are read from those bytes.
 */
export interface ArchivedMedia {
  /** `<sha256>.<ext>`. */
  name: string;
  original_name: string;
  alt: string;
  caption: string;
  tags: string[];
  /** Fractions of the width and height (0 to 1), or null when unset. */
  focal_point: { x: number; y: number } | null;
  width: number | null;
  height: number | null;
  created: string;
  /** '' until its description first changed. */
  updated: string;
}

/** The content of an archive besides its manifest and media. */
export interface ArchiveContent {
  schema: unknown;
  entries: ArchivedEntry[];
  authors: ArchivedAuthor[];
  categories: ArchivedTerm[];
  tags: ArchivedTerm[];
  posts: ArchivedPost[];
  /** Absent from archives made before settings.json existed. */
  settings?: ArchivedSettings;
  /**
   * `media.json`, as read (restore-library.ts checks it before anything is written); absent from
   * archives made before it existed, whose files then go into the store without library rows.
   */
  library?: ArchivedMedia[];
  /** `versions.json`, `trash.json`, `audit.json`: absent from archives made without history. */
  history?: ArchivedHistory;
}

/** How every JSON file of an archive is written: indented, one trailing newline. */
export function archiveJson(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** Compares strings by code point, as the database orders slugs (never by the host's locale). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
