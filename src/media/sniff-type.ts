import { mediaErrors } from './media-error.js';
import { MEDIA_TYPES, type MediaExt, type MediaType } from './media-types.js';
import { looksLikeSvg } from './svg/sniff-svg.js';

// The type is decided from the bytes, never from the sender's Content-Type or the URL: a server
// that labels HTML as image/png must not get HTML served back from our origin.

/** Major brands of ISO base media files that are plain MP4 video (HEIC, QuickTime and 3GP are not). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'dash',
  'M4V ',
  'f4v ',
]);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * Detects an allowed file type from its first bytes; null for anything else (HTML included).
 * SVG is text, so it is tried after every binary signature; an SVG is stored only once sanitised
 * (save-upload.ts), never as it came.
 */
export function sniffType(bytes: Uint8Array): MediaType | null {
  const ext = sniffExt(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return ext ? { mime: MEDIA_TYPES[ext], ext } : null;
}

/**
 * `sniffType` for MediaStore.saveStream: throws the MediaError `type_not_allowed` for a type Ghee
 * does not store. SVG is refused here too: a stream is stored as it comes, and an SVG must be
 * sanitised first, so it goes through saveUpload (save-upload.ts) or not at all.
 */
export function allowedType(head: Uint8Array): MediaType {
  const type = sniffType(head);
  if (!type || type.ext === 'svg') throw mediaErrors.typeNotAllowed();
  return type;
}

function sniffExt(b: Buffer): MediaExt | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(b, 4, 8) === 'ftyp') return isoBrand(b);
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return ebmlDocType(b) === 'webm' ? 'webm' : null;
  if (ascii(b, 0, 3) === 'ID3' || isMp3Frame(b)) return 'mp3';
  return looksLikeSvg(b) ? 'svg' : null;
}

/** ISO base media: AVIF by its brand (major, or compatible under the generic `mif1`), else MP4. */
function isoBrand(b: Buffer): MediaExt | null {
  const major = ascii(b, 8, 12);
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (major === 'mif1' || major === 'msf1') {
    const boxEnd = Math.min(b.readUInt32BE(0), b.length);
    for (let at = 16; at + 4 <= boxEnd; at += 4) if (AVIF_BRANDS.has(ascii(b, at, at + 4))) return 'avif';
    return null;
  }
  return MP4_BRANDS.has(major) ? 'mp4' : null;
}

/** The DocType of an EBML header (`webm`, `matroska`), found within its first bytes. */
function ebmlDocType(b: Buffer): string | null {
  const head = b.subarray(0, 64);
  const at = head.indexOf(Buffer.from([0x42, 0x82]));
  if (at < 0 || at + 2 >= head.length) return null;
  const sizeByte = head[at + 2]!;
  // A one-byte EBML size is 1xxxxxxx; DocType strings are short, so longer sizes are not expected.
  if ((sizeByte & 0x80) === 0) return null;
  const size = sizeByte & 0x7f;
  return ascii(head, at + 3, at + 3 + size);
}

/** An MPEG audio layer III frame header without an ID3 tag in front. */
function isMp3Frame(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff) return false;
  const b1 = b[1]!;
  const b2 = b[2]!;
  const sync = (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 0x03; // 01 is reserved
  const layer = (b1 >> 1) & 0x03; // 01 is layer III
  const bitrate = b2 >> 4; // 1111 is invalid
  const sampleRate = (b2 >> 2) & 0x03; // 11 is reserved
  return sync && version !== 1 && layer === 1 && bitrate !== 0x0f && sampleRate !== 3;
}

function startsWith(b: Buffer, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((byte, i) => b[i] === byte);
}

function ascii(b: Buffer, start: number, end: number): string {
  return b.length >= end ? b.toString('latin1', start, end) : '';
}
