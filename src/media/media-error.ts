/**
 * Why a media URL or an upload could not be taken into the library. The message is user-facing
 * (it becomes the 400 on that field); the HTTP boundary chooses the status, this module knows nothing of HTTP.
 */
export class MediaError extends Error {
  constructor(
    /** Which refusal, for callers that answer some differently (an upload over the limit is a 413). */
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MediaError';
  }
}

export type MediaErrorCode = 'download' | 'type_not_allowed' | 'too_large' | 'private_address' | 'timeout' | 'too_many_urls';

/** The user-facing texts, kept together so each is written once. */
export const mediaErrors = {
  download: (reason: string, cause?: unknown) => new MediaError('download', `Could not download the file: ${reason}`, { cause }),
  typeNotAllowed: () => new MediaError('type_not_allowed', 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, PDF, MP4, WebM and MP3'),
  tooLarge: (maxBytes: number) => new MediaError('too_large', `File is larger than ${formatSize(maxBytes)}`),
  privateAddress: () => new MediaError('private_address', 'Downloads from private or loopback addresses are not allowed'),
  timeout: () => new MediaError('timeout', 'Download timed out'),
  tooManyUrls: (max: number) => new MediaError('too_many_urls', `Too many media URLs to download in one write (at most ${max}): send the others in another write`),
};

function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}
