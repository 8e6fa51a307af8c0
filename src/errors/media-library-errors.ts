import { GheeError } from './ghee-error.js';

// The media library's own answers (docs/admin-api.md, Media library): uploads of several files,
// search, description, where-used, replace and delete.

/**
 * An upload's refusals name the file (`photo.png: ...`), so a batch says which file failed; a file
 * sent without a name by its position (`file 3: ...`).
 */
const named = (file: string | number, text: string) => `${typeof file === 'number' ? `file ${file}` : file}: ${text}`;

export const libraryErrors = {
  // `reason` is the media refusal's own text (media-messages.ts): the size limit it passed, or
  // why the type (an SVG: why that file) is not taken.
  fileTooLarge: (file: string | number, reason: string) => new GheeError('body_too_large', named(file, reason)),
  fileTypeNotAllowed: (file: string | number, reason: string) =>
    new GheeError('media_type_not_allowed', named(file, reason)),
  typeRefused: (reason: string) => new GheeError('media_type_not_allowed', reason),
  tooManyFiles: (max: number) =>
    new GheeError('too_many_files', `Too many files in one upload: at most ${max}. Send the others in another upload.`),
  unexpectedPart: (name: string) =>
    new GheeError(
      'unknown_body_key',
      `Unexpected part '${name}' in the upload: send each file as a part named "file", with its file name`,
    ),
  noFile: () => new GheeError('malformed_body', 'No file in the upload: send each file as a part named "file"'),
  oneFileToReplace: () =>
    new GheeError('malformed_body', 'Send exactly one file, as a part named "file", to replace a file with'),
  mediaInUse: (count: number) =>
    new GheeError(
      'media_in_use',
      `This file is used by ${count} ${count === 1 ? 'entry' : 'entries'}; delete it with ?force=true`,
    ),
  invalidKind: () =>
    new GheeError('invalid_media_type', 'type query parameter should be image, video, audio or document'),
  searchTooLong: (parameter: string, max: number) =>
    new GheeError('invalid_search', `${parameter} query parameter should be at most ${max} characters`),
} as const;

/** Field messages of a file's description (PATCH .../media/:name). */
export const libraryMessages = {
  tooManyTags: (max: number) => `Ensure this field has no more than ${max} tags.`,
  tagTooLong: (max: number) => `Ensure each tag has no more than ${max} characters.`,
  blankTag: 'A tag may not be blank.',
  focalPoint: 'Expected {"x": <0 to 1>, "y": <0 to 1>}, or null.',
} as const;
