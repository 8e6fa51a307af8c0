// The media library as the admin API shows it (docs/admin-api.md, Media library); the dashboard
// imports these types instead of copying them.

/** A file of an account's media library: where it is served, its stored name, size and type. */
export interface MediaFile {
  /** `<PUBLIC_URL>/media/<sha256>.<ext>` (a MediaItem's url keeps the upload's name in it). */
  url: string;
  name: string;
  /** In bytes. */
  size: number;
  mime: string;
}

/** Where crops keep their centre: fractions of the width and height from the top left, 0 to 1. */
export interface FocalPoint {
  x: number;
  y: number;
}

/** A file of an account's library with its description, as every media endpoint answers it. */
export interface MediaItem extends MediaFile {
  /** `<PUBLIC_URL>` + `value`. */
  url: string;
  /** What a media field stores: `/media/<sha256>/<label>.<ext>` (`/media/<sha256>.<ext>` without a name). */
  value: string;
  /** The file's name as uploaded; null for files uploaded without one. */
  original_name: string | null;
  /** An image's size in pixels (read from its header); null for other files. */
  width: number | null;
  height: number | null;
  /** '' until described. */
  alt: string;
  caption: string;
  /** Lower-cased, in the order given. */
  tags: string[];
  focal_point: FocalPoint | null;
  created: string;
  /** When its description last changed; null until then. */
  updated: string | null;
  /** `url` + `?preset=thumbnail` for images, null for other files. */
  thumbnail_url: string | null;
}

/** The kinds of file the library's `type` filter knows. */
export const MEDIA_KINDS = ['image', 'video', 'audio', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** What kind of content uses a file. */
export type MediaUseKind = 'page' | 'collection_item' | 'post';

/** A place of an account's content that references a library file. */
export interface MediaUse {
  kind: MediaUseKind;
  /** The page's or item's entry id, or the post's id. */
  id: number;
  /** The page type or collection key; null for a single page and for posts. */
  type: string | null;
  /** The page's or post's slug; null for collection items. */
  slug: string | null;
  /** The page's name, the item's label or the post's title. */
  title: string;
  /** The entry's locale; null for posts. */
  locale: string | null;
  /** Where in it: a field path (`hero.image`, `sections.0.body`), or a post's `body` / `featured_image`. */
  path: string;
}

/** Most tags a file may have, and longest tag. */
export const MEDIA_TAGS_MAX = 30;
export const MEDIA_TAG_MAX_LENGTH = 50;
/** Longest alt text and caption, in characters. */
export const MEDIA_ALT_MAX_LENGTH = 1000;
export const MEDIA_CAPTION_MAX_LENGTH = 2000;
/** Most files one upload request may carry. */
export const MEDIA_FILES_PER_UPLOAD = 20;
