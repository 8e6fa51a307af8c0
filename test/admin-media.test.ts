import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECT_STORES } from './helpers/media-stores.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The media library of the dashboard: upload of the raw body (one file, type sniffed), browse per
// account. Multipart uploads, search, description, uses, replace and delete: media-library-*.test.ts.

/** A 1x1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const LIMIT = 4096;

describe.each(DIALECT_STORES)('admin media library (%s, %s store)', (dialect, media) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let url: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { media, config: { mediaMaxBytes: LIMIT } });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    url = `/admin/api/accounts/${s.demo.id}/media`;
  });

  afterAll(async () => {
    await s?.close();
  });

  async function upload(client: AdminClient, bytes: Buffer, contentType = 'application/octet-stream', target = url) {
    const res = await s.app.inject({
      method: 'POST',
      url: target,
      payload: bytes,
      headers: {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': client.csrf,
        'content-type': contentType,
      },
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  }

  it('uploads a file, sniffed, stored once, and serves it under /media', async () => {
    const res = await upload(editor, PNG, 'image/png');
    expect(res.status).toBe(201);
    // Without a name: its URL has no label.
    expect(res.body.data).toEqual({
      url: expect.stringMatching(/^http:\/\/ghee\.test\/media\/[0-9a-f]{64}\.png$/),
      name: expect.stringMatching(/\.png$/),
      value: `/media/${res.body.data.name}`,
      original_name: null,
      size: PNG.length,
      mime: 'image/png',
      width: 1,
      height: 1,
      alt: '',
      caption: '',
      tags: [],
      focal_point: null,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      updated: null,
      thumbnail_url: `${res.body.data.url}?preset=thumbnail`,
    });
    const served = await s.app.inject({ method: 'GET', url: new URL(res.body.data.url).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    // The same bytes again (any declared type): the same file, listed once.
    expect((await upload(editor, PNG)).body.data.url).toBe(res.body.data.url);
  });

  it("lets a viewer browse the account's files, newest first, paged", async () => {
    const res = await viewer.get(url);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ count: 1, next_page: null, previous_page: null });
    expect(res.body.data).toEqual([
      expect.objectContaining({ url: expect.stringMatching(/\.png$/), size: PNG.length, mime: 'image/png' }),
    ]);
  });

  it('refuses types it does not store, and files over the limit', async () => {
    expect(await upload(editor, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png')).toMatchObject({
      status: 400,
      body: { detail: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3' },
    });
    expect((await upload(editor, Buffer.alloc(0))).status).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(LIMIT)]);
    expect((await upload(editor, big, 'image/png')).status).toBe(413);
    expect((await viewer.get(url)).body.meta.count).toBe(1);
  });

  it("refuses uploads to a viewer, and keeps each account's library its own", async () => {
    expect(await upload(viewer, PNG, 'image/png')).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action' },
    });
    expect((await upload({ ...editor, csrf: 'wrong' }, PNG)).status).toBe(403);
    const other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    const stranger = await member(s.app, s.store, other.id, 'owner');
    expect((await stranger.get(`/admin/api/accounts/${other.id}/media`)).body.data).toEqual([]);
    expect((await stranger.get(url)).status).toBe(404);
  });
});
