import { describe, expect, it } from 'vitest';
import { sniffType } from '../src/media/sniff-type.js';
import { HTML, JPEG, PNG, SVG } from './helpers/media-samples.js';

// The media library takes a file's type from its bytes, never from its name or Content-Type
// (docs/api.md §4): the types it serves, and look-alikes it refuses.

/** An ISO base media file header: `ftyp`, its major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 16 + 4 * compatible.length]),
    Buffer.from(`ftyp${major}`),
    Buffer.alloc(4),
    Buffer.from(compatible.join('')),
  ]);
/** An EBML header naming its DocType (WebM, Matroska). */
const ebml = (docType: string) =>
  Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]),
    Buffer.from(docType),
  ]);

const DETECTED: [string, Buffer, string][] = [
  ['png', PNG, 'image/png'],
  ['jpg', JPEG, 'image/jpeg'],
  ['gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
  ['gif', Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
  ['webp', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
  ['avif', ftyp('avif', 'avif', 'mif1', 'miaf'), 'image/avif'],
  ['avif', ftyp('avis', 'avis', 'msf1'), 'image/avif'],
  ['avif', ftyp('mif1', 'mif1', 'avif'), 'image/avif'],
  ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'application/pdf'],
  ['mp4', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
  ['mp4', ftyp('mp42', 'mp42', 'isom'), 'video/mp4'],
  ['webm', ebml('webm'), 'video/webm'],
  ['mp3', Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), 'audio/mpeg'],
  ['mp3', Buffer.from([0xff, 0xfb, 0x90, 0x64, 0x00]), 'audio/mpeg'],
  // SVG is detected, then stored only once sanitised (test/svg-*.test.ts).
  ['svg', SVG, 'image/svg+xml'],
  ['svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
  [
    'svg',
    Buffer.from(
      '\ufeff<?xml version="1.0"?>\n<!-- a <svg> -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg>',
    ),
    'image/svg+xml',
  ],
];

const REFUSED: [string, Buffer][] = [
  ['HTML', HTML],
  ['HTML holding an SVG', Buffer.from('<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>')],
  ['XML that is not SVG', Buffer.from('<?xml version="1.0"?><svgx xmlns="http://www.w3.org/2000/svg"/>')],
  ['an SVG root with a prefix', Buffer.from('<s:svg xmlns:s="http://www.w3.org/2000/svg"/>')],
  ['an upper-case SVG root', Buffer.from('<SVG xmlns="http://www.w3.org/2000/svg"/>')],
  ['text before the SVG root', Buffer.from('hello <svg xmlns="http://www.w3.org/2000/svg"/>')],
  ['a comment that does not end', Buffer.from('<!-- <svg xmlns="http://www.w3.org/2000/svg"/>')],
  ['HEIC', ftyp('heic', 'mif1', 'heic')],
  ['a HEIF that is not AVIF', ftyp('mif1', 'mif1', 'heic')],
  ['QuickTime', ftyp('qt  ', 'qt  ')],
  ['Matroska', ebml('matroska')],
  ['plain text', Buffer.from('hello')],
  ['JSON', Buffer.from('{"a":1}')],
  ['nothing', Buffer.alloc(0)],
  ['a truncated PNG signature', PNG.subarray(0, 4)],
  ['a WAV', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
];

describe('type sniffing', () => {
  it.for<[string, Buffer, string]>(DETECTED)('detects %s', ([ext, bytes, mime]) => {
    expect(sniffType(bytes)).toEqual({ ext, mime });
  });

  it.for<[string, Buffer]>(REFUSED)('refuses %s', ([_label, bytes]) => {
    expect(sniffType(bytes)).toBeNull();
  });
});
