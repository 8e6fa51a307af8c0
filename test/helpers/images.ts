import zlib from 'node:zlib';
import sharp from 'sharp';
import type { TestServer } from './server.js';

// Source images for the image service's suites, made with sharp (or by hand: the bomb), and a
// request helper that reads the answer back with sharp.

/** A JPEG of w x h: the left half red, the right half blue, so a crop shows which side it kept. */
export async function twoToneJpeg(width: number, height: number): Promise<Buffer> {
  const half = Math.floor(width / 2);
  const blue = await sharp({ create: { width: width - half, height, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: half, top: 0 }])
    .jpeg()
    .toBuffer();
}

/** A PNG of w x h with a half-transparent fill (alpha channel). */
export function alphaPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

/** A JPEG stored 200 x 100 whose EXIF orientation (6: rotate 90 clockwise) shows it 100 x 200. */
export function exifRotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#888888' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of w x h, all black, written by hand (sharp
 * would decode what it encodes). 20000 x 20000 is about 50 KB and 0.1 s to make.
 */
export function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), deflate, no filter method, no interlace
  const rowBytes = 1 + Math.ceil(width / 8);
  const rows = Buffer.alloc(rowBytes * 100);
  const deflate = zlib.deflateSync(Buffer.concat(Array.from({ length: height / 100 }, () => rows)), { level: 9 });
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflate),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Puts bytes in the server's media store; returns the stored name (`<sha256>.<ext>`). */
export async function storeFile(s: TestServer, bytes: Buffer, ext: string, mime: string): Promise<string> {
  return (await s.ctx.media.save(bytes, ext, mime)).name;
}

/** An image answer: status, headers, the bytes, and what sharp reads in them (null when they are no image). */
export interface ImageReply {
  status: number;
  headers: Record<string, string | undefined>;
  bytes: Buffer;
  json: any;
  image: { format: string; width: number; height: number; channels: number; hasAlpha: boolean } | null;
}

/** GET (or HEAD) a /media URL, no token; reads the body as an image or as JSON. */
export async function fetchImage(
  s: TestServer,
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
): Promise<ImageReply> {
  const res = await s.app.inject({ method, url, headers });
  const bytes = res.rawPayload;
  const type = String(res.headers['content-type']);
  const isJson = type.startsWith('application/json');
  let image: ImageReply['image'] = null;
  if (type.startsWith('image/') && bytes.length) {
    const m = await sharp(bytes).metadata();
    image = { format: m.format, width: m.width, height: m.height, channels: m.channels, hasAlpha: m.hasAlpha };
  }
  return {
    status: res.statusCode,
    headers: res.headers as Record<string, string | undefined>,
    bytes,
    json: isJson ? JSON.parse(res.body) : null,
    image,
  };
}

/** The mean colour of an image's pixels, [r, g, b]. */
export async function meanColour(bytes: Buffer): Promise<number[]> {
  const { channels } = await sharp(bytes).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}
