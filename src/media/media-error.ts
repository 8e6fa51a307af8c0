/**
 * Why a media URL could not be taken into the library. The message is user-facing (it becomes
 * the 400 on that field); the HTTP boundary chooses the status, this module knows nothing of HTTP.
 */
export class MediaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaError';
  }
}

/** The user-facing texts, kept together so each is written once. */
export const mediaErrors = {
  download: (reason: string, cause?: unknown) => new MediaError(`Could not download the file: ${reason}`, { cause }),
  typeNotAllowed: () => new MediaError('File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, PDF, MP4, WebM and MP3'),
  tooLarge: (maxBytes: number) => new MediaError(`File is larger than ${formatSize(maxBytes)}`),
  privateAddress: () => new MediaError('Downloads from private or loopback addresses are not allowed'),
  timeout: () => new MediaError('Download timed out'),
  tooManyUrls: (max: number) => new MediaError(`Too many media URLs to download in one write (at most ${max}): send the others in another write`),
};

function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}
