// Why a media URL or an upload was not taken into the library: the message of the field's 400 in a
// write, or of the upload's refusal (src/media/media-error.ts pairs each with its reason).
export const mediaMessages = {
  download: (reason: string) => `Could not download the file: ${reason}`,
  typeNotAllowed: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, PDF, MP4, WebM and MP3',
  tooLarge: (maxBytes: number) => `File is larger than ${formatSize(maxBytes)}`,
  privateAddress: 'Downloads from private or loopback addresses are not allowed',
  timeout: 'Download timed out',
  tooManyUrls: (max: number) =>
    `Too many media URLs to download in one write (at most ${max}): send the others in another write`,
} as const;

function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}
