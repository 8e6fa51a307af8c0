import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_DIST } from '../src/http/admin-static.js';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The headers that keep Ghee's origin safe (docs/security.md): the dashboard's strict
// Content-Security-Policy, and media files that could act as documents served sandboxed or as
// downloads, while images stay plain inline files.

const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A PDF whose document script would run in a viewer that runs them. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** An MP4 header: `ftyp` with the isom brand. */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12)]);
/** An MP3 with an ID3 tag. */
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(29)]);

describe.each(DIALECTS)('security headers (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
  });

  afterAll(async () => {
    await s?.close();
  });

  /** Uploads a file through the dashboard's media library and returns its /media path. */
  async function upload(bytes: Buffer): Promise<string> {
    const res = await s.app.inject({
      method: 'POST',
      url: `/admin/api/accounts/${s.demo.id}/media`,
      payload: bytes,
      headers: {
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': editor.csrf,
        'content-type': 'application/octet-stream',
      },
    });
    expect(res.statusCode).toBe(201);
    return `/media/${JSON.parse(res.body).data.name}`;
  }

  describe('dashboard', () => {
    it.for(['/admin', '/admin/', '/admin/pages/landing_page/about-us'])(
      'sends the strict CSP, DENY framing and no referrer with the page at %s',
      async (url) => {
        const res = await s.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      },
    );

    it('sends the same headers with its built assets', async () => {
      const asset = fs.readdirSync(path.join(ADMIN_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
      const res = await s.app.inject({ method: 'GET', url: `/admin/assets/${asset}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect(res.headers['x-frame-options']).toBe('DENY');
    });

    it('ships a page with no inline script or style for the CSP to refuse', () => {
      const html = fs.readFileSync(path.join(ADMIN_DIST, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\/admin\/assets\/[^"]+\.js"/);
        expect(body).toBe('');
      }
      expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    });
  });

  describe('media', () => {
    it('serves an image inline, with no policy that would change how it shows', async () => {
      const res = await s.app.inject({ method: 'GET', url: await upload(PNG) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(res.headers['content-disposition']).toBeUndefined();
    });

    it('serves a PDF as a sandboxed download', async () => {
      const url = await upload(PDF);
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await s.app.inject({ method, url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-security-policy']).toBe('sandbox');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="${url.slice('/media/'.length)}"`);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it.for([
      ['video/mp4', MP4],
      ['audio/mpeg', MP3],
    ] as const)('serves %s inline, sandboxed', async ([mime, bytes]) => {
      const res = await s.app.inject({ method: 'GET', url: await upload(bytes) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(mime);
      expect(res.headers['content-security-policy']).toBe('sandbox');
      expect(res.headers['content-disposition']).toBeUndefined();
    });

    it('keeps the headers on a 304', async () => {
      const url = await upload(PDF);
      const first = await s.app.inject({ method: 'GET', url });
      const again = await s.app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.headers['content-security-policy']).toBe('sandbox');
    });
  });
});
