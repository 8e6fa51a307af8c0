import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_NAME } from '../src/media/media-types.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, pngBomb, postBody, uploadForm, type Part } from './helpers/media-library.js';
import { HTML } from './helpers/media-samples.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Multipart uploads to the media library (docs/admin-api.md, Media library): many files in one
// request, each kept under its own name (in its URL's label), an image's size read from its
// header; all or nothing, a refusal naming the file that failed.

const LIMIT = 64 * 1024;
const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const TYPE_TEXT = 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3';
const ENTITY_SVG = '<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>';
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe.each(DIALECTS)('media library uploads (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let url: string;
  let seed = 100;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaMaxBytes: LIMIT } });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    url = `/admin/api/accounts/${s.demo.id}/media`;
  });
  afterAll(async () => s?.close());

  const stored = () =>
    fs
      .readdirSync(s.ctx.config.mediaDir)
      .filter((f) => MEDIA_NAME.test(f))
      .sort();
  const listed = async () => (await editor.get(`${url}?page_size=100`)).body.meta.count as number;
  const fresh = () => png(3, 2, seed++);

  it('takes several files in one request, each under its own name, an image with its size', async () => {
    const [photo, logo] = [await png(40, 30, 1), await png(10, 20, 2)];
    const res = await uploadForm(s, editor, url, [
      { fileName: 'Summer Photo.PNG', bytes: photo, type: 'image/png' },
      { fileName: 'logo.png', bytes: logo },
      { fileName: 'Annual report.pdf', bytes: PDF, type: 'application/pdf' },
    ]);
    expect(res.status).toBe(201);
    const [first, second, third] = res.body.data;
    const hash = first.name.slice(0, 64);
    expect(first).toEqual({
      name: expect.stringMatching(/^[0-9a-f]{64}\.png$/),
      url: `http://ghee.test/media/${hash}/summer-photo.png`,
      value: `/media/${hash}/summer-photo.png`,
      original_name: 'Summer Photo.PNG',
      mime: 'image/png',
      size: photo.length,
      width: 40,
      height: 30,
      alt: '',
      caption: '',
      tags: [],
      focal_point: null,
      created: expect.stringMatching(STAMP),
      updated: null,
      thumbnail_url: `http://ghee.test/media/${hash}/summer-photo.png?preset=thumbnail`,
    });
    expect(second).toMatchObject({ original_name: 'logo.png', width: 10, height: 20 });
    expect(second.value).toMatch(/^\/media\/[0-9a-f]{64}\/logo\.png$/);
    expect(third).toMatchObject({ mime: 'application/pdf', width: null, height: null, thumbnail_url: null });
    expect(third.value).toMatch(/^\/media\/[0-9a-f]{64}\/annual-report\.pdf$/);
    const served = await s.app.inject({ method: 'GET', url: `/media/${first.name}` });
    expect(served.rawPayload.equals(photo)).toBe(true);
    expect((await editor.get(`${url}/${first.name}`)).body.data).toEqual(first);
  });

  it.for<[string, Omit<Part, 'bytes'>, string | null, string | null]>([
    ['accents and other scripts', { fileName: 'Café Über 東京.png' }, 'cafe-uber', 'Café Über 東京.png'],
    ['a Windows path', { fileName: 'C:\\Users\\me\\Holiday.png' }, 'holiday', 'Holiday.png'],
    ['a path that climbs', { fileName: '../../etc/passwd.png' }, 'passwd', 'passwd.png'],
    ['a very long name', { fileName: `${'x'.repeat(300)}.png` }, 'x'.repeat(80), 'x'.repeat(255)],
    ['no letter or digit', { fileName: '???.png' }, null, '???.png'],
    ['an empty name', { fileName: '' }, null, null],
    ['no name, sent as a binary part', { fileName: null, type: 'application/octet-stream' }, null, null],
  ])('keeps a file sent with %s', async ([, part, label, originalName]) => {
    const res = await uploadForm(s, editor, url, [{ ...part, bytes: await fresh() }]);
    expect(res.status).toBe(201);
    const [item] = res.body.data;
    const hash = item.name.slice(0, 64);
    expect(item.value).toBe(label ? `/media/${hash}/${label}.png` : `/media/${item.name}`);
    expect(item.url).toBe(`http://ghee.test${item.value}`);
    expect(item.original_name).toBe(originalName);
  });

  it('reads the size of an image "bomb" from its header, never decoding it', async () => {
    const res = await uploadForm(s, editor, url, [{ fileName: 'bomb.png', bytes: pngBomb(100_000) }]);
    expect(res.status).toBe(201);
    expect(res.body.data[0]).toMatchObject({ mime: 'image/png', width: 100_000, height: 100_000 });
  });

  it('stores the same bytes once: listed once, under the name it came with first', async () => {
    const bytes = await fresh();
    const first = await uploadForm(s, editor, url, [{ fileName: 'first.png', bytes }]);
    const count = await listed();
    const again = await uploadForm(s, editor, url, [
      { fileName: 'second.png', bytes },
      { fileName: 'third.png', bytes },
    ]);
    expect(again.status).toBe(201);
    expect(again.body.data.map((i: { value: string }) => i.value)).toEqual([
      first.body.data[0].value,
      first.body.data[0].value,
    ]);
    expect(await listed()).toBe(count);
  });

  describe('refusals: the whole upload fails, naming the file; nothing is listed or kept', () => {
    const cases: [string, () => Promise<Part[]>, number, string, string][] = [
      [
        'a type the library does not store among good files',
        async () => [
          { fileName: 'ok.png', bytes: await fresh() },
          { fileName: 'notes.html', bytes: HTML },
        ],
        400,
        `notes.html: ${TYPE_TEXT}`,
        'media_type_not_allowed',
      ],
      [
        'a file over MEDIA_MAX_BYTES',
        async () => [
          { fileName: 'ok.png', bytes: await fresh() },
          { fileName: 'big.png', bytes: Buffer.concat([await fresh(), Buffer.alloc(LIMIT)]) },
        ],
        413,
        'big.png: File is larger than 65536 bytes',
        'body_too_large',
      ],
      [
        'an SVG refused, with its own reason',
        async () => [
          { fileName: 'ok.png', bytes: await fresh() },
          { fileName: 'bomb.svg', bytes: Buffer.from(ENTITY_SVG) },
        ],
        400,
        'bomb.svg: SVG file refused: it declares entities (a DTD internal subset), which are not accepted',
        'media_type_not_allowed',
      ],
      [
        'a nameless file of another type, by its position',
        async () => [
          { fileName: 'ok.png', bytes: await fresh() },
          { fileName: '', bytes: HTML },
        ],
        400,
        `file 2: ${TYPE_TEXT}`,
        'media_type_not_allowed',
      ],
      [
        'more than 20 files',
        async () =>
          Promise.all(Array.from({ length: 21 }, async (_, i) => ({ fileName: `${i}.png`, bytes: await fresh() }))),
        400,
        'Too many files in one upload: at most 20. Send the others in another upload.',
        'too_many_files',
      ],
      [
        'a field beside the files',
        async () => [
          { fileName: 'ok.png', bytes: await fresh() },
          { field: 'alt', fileName: null, bytes: Buffer.from('x') },
        ],
        400,
        `Unexpected part 'alt' in the upload: send each file as a part named "file", with its file name`,
        'unknown_body_key',
      ],
      [
        'a file under another part name',
        async () => [{ field: 'upload', fileName: 'ok.png', bytes: await fresh() }],
        400,
        `Unexpected part 'upload' in the upload: send each file as a part named "file", with its file name`,
        'unknown_body_key',
      ],
      [
        'no part at all',
        async () => [],
        400,
        'No file in the upload: send each file as a part named "file"',
        'malformed_body',
      ],
    ];

    it.for(cases)('%s', async ([, parts, status, detail, code]) => {
      const before = { listed: await listed(), stored: stored() };
      const res = await uploadForm(s, editor, url, await parts());
      expect({ status: res.status, body: res.body }).toEqual({ status, body: { detail, code } });
      expect({ listed: await listed(), stored: stored() }).toEqual(before);
    });

    it.for([
      ['without its closing boundary', (body: Buffer) => body.subarray(0, body.length - 30)],
      [
        'with another boundary than declared',
        (body: Buffer) => Buffer.from(body.toString('latin1').replace(/GheeTest/g, 'Other'), 'latin1'),
      ],
    ] as const)('a form %s: 400, nothing kept', async ([, mangle]) => {
      const before = { listed: await listed(), stored: stored() };
      const { multipart } = await import('./helpers/media-library.js');
      const form = multipart([{ fileName: 'ok.png', bytes: await fresh() }]);
      const res = await postBody(s, editor, url, mangle(form.body), form.contentType);
      expect(res.status).toBe(400);
      expect(res.body.code).toMatch(/^(malformed_request|malformed_body)$/);
      expect({ listed: await listed(), stored: stored() }).toEqual(before);
    });

    it('a form declared larger than 20 files at the limit: 413 before it is read', async () => {
      const parts = [{ fileName: 'zeros.png', bytes: Buffer.alloc(20 * LIMIT + 1024 * 1024) }];
      const res = await uploadForm(s, editor, url, parts);
      expect(res.body).toEqual({ detail: 'Request body too large', code: 'body_too_large' });
      expect(res.status).toBe(413);
    });
  });

  it('refuses a viewer, and a write without the CSRF token', async () => {
    const parts = [{ fileName: 'ok.png', bytes: await fresh() }];
    expect((await uploadForm(s, viewer, url, parts)).status).toBe(403);
    expect((await uploadForm(s, { ...editor, csrf: 'wrong' }, url, parts)).body.code).toBe('csrf_token');
  });
});
