import type { Generated } from 'kysely';

/** A file in an account's media library (migrations 008, 015); the bytes are in the shared media store. */
export interface MediaTable {
  account_id: number;
  /** The stored file name, `<sha256>.<ext>`. */
  name: string;
  mime: string;
  size: number;
  created: string;
  /** The file's name as uploaded (its URL keeps it, `/media/<sha256>/<original_name>`), or ''. */
  original_name: Generated<string>;
  alt: Generated<string>;
  caption: Generated<string>;
  /** A JSON array of strings. */
  tags: Generated<string>;
  /** Focal point as fractions of width and height (0 to 1); null when unset. */
  focal_x: Generated<number | null>;
  focal_y: Generated<number | null>;
  /** An image's size in pixels; null for other files. */
  width: Generated<number | null>;
  height: Generated<number | null>;
  /** When its description last changed; '' until then. */
  updated: Generated<string>;
}

export interface MediaTables {
  media: MediaTable;
}
