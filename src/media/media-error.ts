import { mediaMessages } from '../errors/index.js';

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

export type MediaErrorCode =
  'download' | 'type_not_allowed' | 'too_large' | 'private_address' | 'timeout' | 'too_many_urls';

/** Each refusal with its text (src/errors/media-messages.ts). */
export const mediaErrors = {
  download: (reason: string, cause?: unknown) => new MediaError('download', mediaMessages.download(reason), { cause }),
  typeNotAllowed: () => new MediaError('type_not_allowed', mediaMessages.typeNotAllowed),
  tooLarge: (maxBytes: number) => new MediaError('too_large', mediaMessages.tooLarge(maxBytes)),
  privateAddress: () => new MediaError('private_address', mediaMessages.privateAddress),
  timeout: () => new MediaError('timeout', mediaMessages.timeout),
  tooManyUrls: (max: number) => new MediaError('too_many_urls', mediaMessages.tooManyUrls(max)),
};
