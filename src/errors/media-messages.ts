// Why a media URL or an upload was not taken into the library: the message of the field's 400 in a
// write, or of the upload's refusal (src/media/media-error.ts pairs each with its reason).
export const mediaMessages = {
  download: (reason: string) => `Could not download the file: ${reason}`,
  typeNotAllowed: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3',
  tooLarge: (maxBytes: number) => `File is larger than ${formatSize(maxBytes)}`,
  privateAddress: 'Downloads from private or loopback addresses are not allowed',
  timeout: 'Download timed out',
  tooManyUrls: (max: number) =>
    `Too many media URLs to download in one write (at most ${max}): send the others in another write`,
  // An SVG file refused by its sanitiser (src/media/svg/), with the reason.
  svgTooLarge: (maxBytes: number) => `SVG file is larger than ${formatSize(maxBytes)}`,
  svgNotUtf8: 'SVG file refused: it is not UTF-8 text',
  svgEntities: 'SVG file refused: it declares entities (a DTD internal subset), which are not accepted',
  svgMalformed: (where: string) => `SVG file refused: it is not well-formed XML (${where})`,
  svgRoot: 'SVG file refused: its root element must be <svg xmlns="http://www.w3.org/2000/svg">',
  svgTooDeep: (max: number) => `SVG file refused: elements are nested more than ${max} deep`,
  svgTooManyElements: (max: number) => `SVG file refused: it has more than ${max} elements`,
  svgTooManyAttributes: (max: number) => `SVG file refused: an element has more than ${max} attributes`,
  svgEmpty: 'SVG file refused: nothing is left once scripts and external references are removed',
  svgTooSlow: (seconds: number) => `SVG file refused: it could not be sanitised within ${seconds} s`,
  svgFailed: 'SVG file refused: it could not be sanitised',
} as const;

function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : `${bytes} bytes`;
}
