import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECT_STORES } from './helpers/media-stores.js';
import { heldGrowthWhile } from './helpers/held-memory.js';
import { PNG_1X1, writeZeros } from './helpers/media-origin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Dashboard uploads (POST /admin/api/accounts/:id/media) stream to a temporary file (in the media
// folder, or the S3 store's spool folder), hashed and sniffed on the way, then move under their
// hash (or go to the bucket): a large upload holds a few chunks in memory, not the file; one over
// MEDIA_MAX_BYTES is the 413 JSON, which its client reads over a real socket, and leaves no
// temporary file behind.

const MB = 1024 * 1024;
const LIMIT = 48 * MB;

interface Answer {
  status: number;
  connection: string | undefined;
  body: any;
}

describe.each(DIALECT_STORES)('dashboard media uploads stream to disk (%s, %s store)', (dialect, media) => {
  let s: TestServer;
  let editor: AdminClient;
  let origin: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { media, config: { mediaMaxBytes: LIMIT } });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    origin = await s.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await s?.close();
  });

  const files = () => s.mediaFiles.names();
  const temps = () => s.mediaFiles.temps();
  const listed = async () => (await editor.get(`/admin/api/accounts/${s.demo.id}/media`)).body.meta.count;

  /**
   * Uploads `bytes` bytes over the socket (a PNG's first bytes unless `head` is given, then zeros
   * written with backpressure, so the client holds almost nothing itself), with a Content-Length
   * or chunked.
   */
  function upload(bytes: number, options: { declared: boolean; head?: Buffer }): Promise<Answer> {
    const head = options.head ?? PNG_1X1;
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': editor.csrf,
        'content-type': 'application/octet-stream',
        ...(options.declared && { 'content-length': String(bytes) }),
      };
      const req = http.request(
        `${origin}/admin/api/accounts/${s.demo.id}/media`,
        { method: 'POST', headers },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      req.write(head);
      void writeZeros(req, bytes - head.length).then(() => req.end());
    });
  }

  it(
    'a 40 MB upload holds under 16 MB more memory, and the file is stored whole, private, under its hash',
    { timeout: 120_000 },
    async () => {
      // Sampled every 50 ms: the upload itself takes well under a second.
      const { result: res, growth } = await heldGrowthWhile(() => upload(40 * MB, { declared: true }), 50);
      console.log(
        `[admin-media-stream ${dialect}, ${media} store] 40 MB uploaded: peak growth of heap + buffers held ${(growth / MB).toFixed(1)} MB`,
      );
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        url: `http://ghee.test/media/${res.body.data.name}`,
        name: expect.stringMatching(/^[0-9a-f]{64}\.png$/),
        size: 40 * MB,
        mime: 'image/png',
      });
      // Read whole, the body alone would be 40 MB (and Fastify's concatenation of it 80 MB at once).
      expect(growth / MB).toBeLessThan(16);
      const stored = await s.ctx.media.open(res.body.data.name);
      await stored?.close();
      expect(stored?.size).toBe(40 * MB);
      // A folder's files are private to Ghee's user (a bucket's objects are as private as its policy).
      const file = path.join(s.ctx.config.mediaDir, res.body.data.name);
      if (media === 'local') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(temps()).toEqual([]);
    },
  );

  it.for([
    ['with a Content-Length over it (refused before it is read)', true],
    ['chunked, crossing it mid-body', false],
  ] as const)(
    'an upload over MEDIA_MAX_BYTES %s: the 413 JSON, no temporary file, nothing listed',
    { timeout: 60_000 },
    async ([, declared]) => {
      const before = { files: (await files()).length, listed: await listed() };
      const res = await upload(LIMIT + MB, { declared });
      expect(res).toEqual({
        status: 413,
        connection: 'close',
        body: { detail: 'Request body too large', code: 'body_too_large' },
      });
      expect(temps()).toEqual([]);
      expect({ files: (await files()).length, listed: await listed() }).toEqual(before);
    },
  );

  it(
    'an upload its client breaks off mid-body leaves no temporary file, and nothing listed',
    { timeout: 60_000 },
    async () => {
      const before = { files: (await files()).length, listed: await listed() };
      const req = http.request(`${origin}/admin/api/accounts/${s.demo.id}/media`, {
        method: 'POST',
        headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': editor.csrf },
      });
      req.on('error', () => {});
      req.write(PNG_1X1);
      await writeZeros(req, 8 * MB);
      // The server has a temporary file open for it by now; then the client goes.
      for (let i = 0; i < 100 && temps().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(temps()).toHaveLength(1);
      req.destroy();
      for (let i = 0; i < 100 && temps().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(temps()).toEqual([]);
      expect({ files: (await files()).length, listed: await listed() }).toEqual(before);
    },
  );

  it(
    'a large upload of a type Ghee does not store: the 400 once its first bytes are read, no temporary file',
    { timeout: 60_000 },
    async () => {
      const before = { files: (await files()).length, listed: await listed() };
      const res = await upload(20 * MB, { declared: false, head: Buffer.from('<html><script>alert(1)</script>') });
      expect(res).toEqual({
        status: 400,
        connection: 'close',
        body: {
          detail: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3',
          code: 'media_type_not_allowed',
        },
      });
      expect(temps()).toEqual([]);
      expect({ files: (await files()).length, listed: await listed() }).toEqual(before);
    },
  );
});
