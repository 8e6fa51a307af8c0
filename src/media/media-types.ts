/** The file types Ghee accepts into its media library: extension -> content type. */
export const MEDIA_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  // Stored only as sanitised (src/media/svg/), and served with a CSP that forbids scripts.
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
} as const;

/** An extension of an allowed type. */
export type MediaExt = keyof typeof MEDIA_TYPES;

/** A detected, allowed type. */
export interface MediaType {
  mime: string;
  ext: MediaExt;
}

/**
 * A stored file's name: the sha256 of its bytes, lowercase hex, and an allowed extension.
 * Matching this exactly is what keeps a served name from ever being a path.
 */
export const MEDIA_NAME = /^([0-9a-f]{64})\.(png|jpg|gif|webp|avif|svg|pdf|mp4|webm|mp3)$/;

/** The type of a valid media file name, or null when the name is not one Ghee could have written. */
export function typeOfName(name: string): MediaType | null {
  const match = MEDIA_NAME.exec(name);
  if (!match) return null;
  const ext = match[2] as MediaExt;
  return { mime: MEDIA_TYPES[ext], ext };
}
