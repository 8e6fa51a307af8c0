// The media library as the admin API shows it.

/** A file of an account's media library: where it is served, its stored name, size and type. */
export interface MediaFile {
  /** `<PUBLIC_URL>/media/<sha256>.<ext>`. */
  url: string;
  name: string;
  /** In bytes. */
  size: number;
  mime: string;
}
