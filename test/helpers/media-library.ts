import zlib from 'node:zlib';
import sharp from 'sharp';
import type { AdminClient, AdminReply } from './admin.js';
import type { TestServer } from './server.js';

// Uploads to the media library as a browser sends them: multipart/form-data written out by hand,
// so that a test controls every byte (a file name in raw UTF-8, a path, a quote, no name at all).

/** One part of a form: a file (named `file` unless `field` says otherwise). */
export interface Part {
  field?: string;
  /** The file name as sent; null sends none (a plain field, or a nameless file with `type`). */
  fileName?: string | null;
  bytes: Buffer;
  /** The part's Content-Type; absent for none. */
  type?: string;
}

const BOUNDARY = '----GheeTestBoundary7MA4YWxkTrZu0gW';

/** A multipart/form-data body of `parts`, and its Content-Type. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const name = part.fileName === undefined ? 'upload.bin' : part.fileName;
    const disposition =
      `form-data; name="${part.field ?? 'file'}"` + (name === null ? '' : `; filename="${name.replace(/"/g, '%22')}"`);
    const headers = [`Content-Disposition: ${disposition}`, ...(part.type ? [`Content-Type: ${part.type}`] : [])];
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\n${headers.join('\r\n')}\r\n\r\n`, 'utf8'),
      part.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** POSTs a body to the admin API as `client` (its cookies and CSRF token). */
export async function postBody(
  s: TestServer,
  client: AdminClient,
  url: string,
  body: Buffer,
  contentType: string,
): Promise<AdminReply> {
  const res = await s.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrf,
      'content-type': contentType,
    },
  });
  return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
}

/** Uploads the parts as one multipart form. */
export function uploadForm(s: TestServer, client: AdminClient, url: string, parts: Part[]): Promise<AdminReply> {
  const { body, contentType } = multipart(parts);
  return postBody(s, client, url, body, contentType);
}

/** A PNG of that size, its colour from `seed`: another seed, other bytes (another file). */
export function png(width: number, height: number, seed = 0): Promise<Buffer> {
  const background = { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 };
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/**
 * A decompression "bomb": a PNG of a few dozen bytes whose header says `side` x `side` pixels. Its
 * size can be read from the header; decoding it would take side * side * 3 bytes.
 */
export function pngBomb(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const pixels = zlib.deflateSync(Buffer.alloc(1024));
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
