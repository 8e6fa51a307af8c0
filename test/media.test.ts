import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../src/http/error-handler.js';
import { errors } from '../src/http/errors.js';
import { isPublicAddress } from '../src/media/address-policy.js';
import { fetchMedia, type FetchOptions } from '../src/media/fetch-media.js';
import { ingestMedia } from '../src/media/ingest-media.js';
import { MediaError, mediaErrors } from '../src/media/media-error.js';
import { registerMedia } from '../src/media/media-routes.js';
import { MediaStore } from '../src/media/media-store.js';
import { typeOfName } from '../src/media/media-types.js';
import { sniffType } from '../src/media/sniff-type.js';

// The media library (API.md sections 4 and 8): downloads that cannot reach private networks,
// follow at most 3 redirects, time out and stay within the size limit; types sniffed from the
// bytes; content-addressed storage; and files served back immutable.

// Test-only names: `*.test` never resolves for real, so a download of one that succeeds proves
// the request went to the address checked here, not to a second lookup.
const dnsAnswers = vi.hoisted(() => new Map<string, Array<{ address: string; family: number }>>());
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  const lookup = async (host: string, options: object) => dnsAnswers.get(host) ?? real.lookup(host, options as never);
  return { ...real, lookup, default: { ...real, lookup } };
});

// Lets one test treat 127.0.0.1 as public, to show that every redirect hop is checked again.
const policy = vi.hoisted(() => ({ trustLoopback: false }));
vi.mock('../src/media/address-policy.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/media/address-policy.js')>();
  return { isPublicAddress: (ip: string) => (policy.trustLoopback && ip === '127.0.0.1') || real.isPublicAddress(ip) };
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 0x01, 0x01]);
const HTML = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const TEXT = {
  private: 'Downloads from private or loopback addresses are not allowed',
  type: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, PDF, MP4, WebM and MP3',
  timeout: 'Download timed out',
  redirects: 'Could not download the file: too many redirects',
};

// A self-signed certificate for cdn.test (EC P-256, valid to 2126), only to watch the TLS handshake.
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguiGBrW2aJdtg6KBW
XZ+bOgLZZ4/f1+Fjuw9o/HoqGuyhRANCAATO2wq+4rPL4v+rKmp4j+UezF3mO+cM
HUjkZ3sK2olImM8wpe4s6/aujbdSXAphvQzIULXQPeKXLyqx4OoHrg8H
-----END PRIVATE KEY-----`;
const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBkTCCATigAwIBAgIUMW3Uu1w7wHfiZFILo244bn5HoPwwCgYIKoZIzj0EAwIw
EzERMA8GA1UEAwwIY2RuLnRlc3QwIBcNMjYxMTI1MTU0NDQzWhgPMjEyNjExMDEx
NTQ0NDNaMBMxETAPBgNVBAMMCGNkbi50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEztsKvuKzy+L/qypqeI/lHsxd5jvnDB1I5Gd7CtqJSJjPMKXuLOv2ro23
UlwKYb0MyFC10D3ily8qseDqB64PB6NoMGYwHQYDVR0OBBYEFOoS9Z7izxgcvbg8
GHYHsOwplo9VMB8GA1UdIwQYMBaAFOoS9Z7izxgcvbg8GHYHsOwplo9VMA8GA1Ud
EwEB/wQFMAMBAf8wEwYDVR0RBAwwCoIIY2RuLnRlc3QwCgYIKoZIzj0EAwIDRwAw
RAIgOisep4THcSU4RY1eGOIoQYuX9u8EbxgiR0KAGzl3P6UCIDaYQyeyfWdZyuHt
bf7T2zI+GzkJkQ8uxQZBP7kWu2Ib
-----END CERTIFICATE-----`;

/** A local origin server; `requests` records every request it received (path and Host). */
interface Origin {
  url: string;
  port: number;
  requests: Array<{ path: string; host: string | undefined }>;
  close(): Promise<void>;
}

function startOrigin(): Promise<Origin> {
  const requests: Origin['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ path: url, host: req.headers.host });
    const send = (type: string, body: Buffer) => res.writeHead(200, { 'content-type': type }).end(body);
    const redirect = /^\/redirect\/(\d+)$/.exec(url);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/tiny.png' }).end();
    } else if (url === '/tiny.png' || url === '/tiny-copy.png') send('image/png', PNG);
    else if (url === '/photo.jpg') send('image/jpeg', JPEG);
    // Labelled as an image: the sniffed bytes decide, not the sender's Content-Type.
    else if (url === '/page.html') send('image/png', HTML);
    else if (url === '/image.svg') send('image/svg+xml', SVG);
    else if (url === '/slow') res.writeHead(200, { 'content-type': 'image/png' }).write(PNG.subarray(0, 8)); // never ends
    else if (url === '/big') send('image/png', Buffer.concat([PNG, Buffer.alloc(2000)]));
    else if (url === '/huge-declared') res.writeHead(200, { 'content-length': '999999999' }).write(PNG); // then hangs
    else if (url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'image/png' }); // no Content-Length: counted while streaming
      for (let i = 0; i < 10; i++) res.write(i === 0 ? PNG : Buffer.alloc(300));
      res.end();
    } else if (url === '/to-loopback') res.writeHead(302, { location: `http://127.0.0.2:${port()}/tiny.png` }).end();
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  });
  const port = () => (server.address() as AddressInfo).port;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${port()}`,
        port: port(),
        requests,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

const LOCAL: FetchOptions = { allowPrivate: true, maxBytes: 1000, timeoutMs: 5000 };
const PUBLIC_ONLY: FetchOptions = { ...LOCAL, allowPrivate: false };

/** A download's bytes and type, as fetchMedia left them in the (scratch) library. */
async function fetched(url: string, opts: FetchOptions): Promise<{ bytes: Buffer; mime: string; ext: string }> {
  const saved = await fetchMedia(url, scratch, opts);
  return { bytes: fs.readFileSync(saved.path), ...typeOfName(path.basename(saved.path))! };
}

/** The MediaError message a download fails with (and fails if it does not). */
async function failure(url: string, opts: FetchOptions): Promise<string> {
  const error = await fetchMedia(url, scratch, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return (error as MediaError).message;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-media-'));
}

let origin: Origin;
let scratchDir: string;
let scratch: MediaStore;
beforeAll(async () => {
  origin = await startOrigin();
  scratchDir = tempDir();
  scratch = new MediaStore(scratchDir, 'http://ghee.test');
});
afterAll(async () => {
  await origin?.close();
  fs.rmSync(scratchDir, { recursive: true, force: true });
});
beforeEach(() => {
  origin.requests.length = 0;
});

describe('address policy', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '100.127.255.255', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250',
    '255.255.255.255', '::', '::1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::FFFF:192.168.0.1', '::ffff:169.254.169.254',
    '64:ff9b::a00:1', '2002:7f00:1::1', '::127.0.0.1', 'localhost', 'not an ip', '',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '8.8.8.8', '1.1.1.1', '93.184.216.34', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1',
    '11.0.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808',
  ])('allows %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('type sniffing', () => {
  const ftyp = (major: string, ...compatible: string[]) =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 16 + 4 * compatible.length]),
      Buffer.from(`ftyp${major}`),
      Buffer.alloc(4),
      Buffer.from(compatible.join('')),
    ]);
  const ebml = (docType: string) =>
    Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]), Buffer.from(docType)]);

  it.each([
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
  ])('detects %s', (ext, bytes, mime) => {
    expect(sniffType(bytes)).toEqual({ ext, mime });
  });

  it.each([
    ['HTML', HTML],
    ['SVG', SVG],
    ['SVG with an XML prolog', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HEIC', ftyp('heic', 'mif1', 'heic')],
    ['a HEIF that is not AVIF', ftyp('mif1', 'mif1', 'heic')],
    ['QuickTime', ftyp('qt  ', 'qt  ')],
    ['Matroska', ebml('matroska')],
    ['plain text', Buffer.from('hello')],
    ['JSON', Buffer.from('{"a":1}')],
    ['nothing', Buffer.alloc(0)],
    ['a truncated PNG signature', PNG.subarray(0, 4)],
    ['a WAV', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffType(bytes)).toBeNull();
  });
});

describe('fetchMedia', () => {
  afterEach(() => {
    dnsAnswers.clear();
    policy.trustLoopback = false;
  });

  it('downloads a PNG and a JPEG when private addresses are allowed', async () => {
    expect(await fetched(`${origin.url}/tiny.png`, LOCAL)).toEqual({ bytes: PNG, mime: 'image/png', ext: 'png' });
    expect(await fetched(`${origin.url}/photo.jpg`, LOCAL)).toEqual({ bytes: JPEG, mime: 'image/jpeg', ext: 'jpg' });
  });

  it.each([
    ['127.0.0.1', () => `${origin.url}/tiny.png`],
    ['localhost', () => `http://localhost:${origin.port}/tiny.png`],
    ['[::1]', () => `http://[::1]:${origin.port}/tiny.png`],
    ['10.x', () => 'http://10.0.0.1/tiny.png'],
    ['169.254.x (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${origin.port}/tiny.png`],
    ['a decimal IPv4 loopback', () => `http://2130706433:${origin.port}/tiny.png`],
  ])('refuses %s before connecting when private addresses are not allowed', async (_label, url) => {
    expect(await failure(url(), PUBLIC_ONLY)).toBe(TEXT.private);
    expect(origin.requests).toEqual([]);
  });

  it('refuses a name whose addresses include a private one, even after a public one', async () => {
    dnsAnswers.set('mixed.test', [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(await failure(`http://mixed.test:${origin.port}/tiny.png`, PUBLIC_ONLY)).toBe(TEXT.private);
    expect(origin.requests).toEqual([]);
  });

  it('connects to the address it checked, keeping the hostname in the Host header', async () => {
    dnsAnswers.set('cdn.test', [{ address: '127.0.0.1', family: 4 }]);
    const media = await fetched(`http://cdn.test:${origin.port}/tiny.png`, LOCAL);
    expect(media.bytes).toEqual(PNG);
    expect(origin.requests).toEqual([{ path: '/tiny.png', host: `cdn.test:${origin.port}` }]);
  });

  it('sends the hostname as the TLS server name while connecting to the checked address', async () => {
    const servernames: Array<string | undefined> = [];
    const context = tls.createSecureContext({ key: TLS_KEY, cert: TLS_CERT });
    const server = https.createServer({ SNICallback: (name, done) => (servernames.push(name), done(null, context)) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      dnsAnswers.set('cdn.test', [{ address: '127.0.0.1', family: 4 }]);
      const url = `https://cdn.test:${(server.address() as AddressInfo).port}/tiny.png`;
      // The certificate is self-signed, so the download fails, but only after the handshake.
      expect(await failure(url, LOCAL)).toBe('Could not download the file: TLS error');
      expect(servernames).toEqual(['cdn.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  it('checks the address of every redirect hop again', async () => {
    policy.trustLoopback = true; // 127.0.0.1 counts as public here; 127.0.0.2 still does not
    expect(await failure(`${origin.url}/to-loopback`, PUBLIC_ONLY)).toBe(TEXT.private);
    expect(origin.requests.map((r) => r.path)).toEqual(['/to-loopback']);
  });

  it('follows up to 3 redirects and refuses a 4th', async () => {
    expect((await fetched(`${origin.url}/redirect/2`, LOCAL)).bytes).toEqual(PNG);
    expect((await fetched(`${origin.url}/redirect/3`, LOCAL)).bytes).toEqual(PNG);
    origin.requests.length = 0;
    expect(await failure(`${origin.url}/redirect/4`, LOCAL)).toBe(TEXT.redirects);
    expect(origin.requests.map((r) => r.path)).toEqual(['/redirect/4', '/redirect/3', '/redirect/2', '/redirect/1']);
  });

  it('refuses HTML and SVG whatever their Content-Type says', async () => {
    expect(await failure(`${origin.url}/page.html`, LOCAL)).toBe(TEXT.type);
    expect(await failure(`${origin.url}/image.svg`, LOCAL)).toBe(TEXT.type);
  });

  it('times out', async () => {
    const started = Date.now();
    expect(await failure(`${origin.url}/slow`, { ...LOCAL, timeoutMs: 200 })).toBe(TEXT.timeout);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a body over the limit, with and without Content-Length', async () => {
    expect(await failure(`${origin.url}/big`, LOCAL)).toBe('File is larger than 1000 bytes');
    expect(await failure(`${origin.url}/big-chunked`, LOCAL)).toBe('File is larger than 1000 bytes');
    // Refused on the header alone: the body never ends, so waiting for it would time out instead.
    expect(await failure(`${origin.url}/huge-declared`, LOCAL)).toBe('File is larger than 1000 bytes');
  });

  it('says "50 MB" for the default limit', async () => {
    expect((await fetched(`${origin.url}/big`, { ...LOCAL, maxBytes: 50 * 1024 * 1024 })).ext).toBe('png');
    expect(mediaErrors.tooLarge(50 * 1024 * 1024).message).toBe('File is larger than 50 MB');
  });

  it('refuses a non-2xx answer, a closed port, other schemes and malformed URLs', async () => {
    expect(await failure(`${origin.url}/missing`, LOCAL)).toBe('Could not download the file: the server answered 404');
    const closed = await startOrigin();
    await closed.close();
    expect(await failure(`${closed.url}/tiny.png`, LOCAL)).toBe('Could not download the file: connection refused');
    expect(await failure('file:///etc/passwd', LOCAL)).toBe('Could not download the file: only http and https URLs are allowed');
    expect(await failure('ftp://example.com/a.png', LOCAL)).toBe('Could not download the file: only http and https URLs are allowed');
    expect(await failure('not a url', LOCAL)).toBe('Could not download the file: not a valid URL');
    expect(await failure('', LOCAL)).toBe('Could not download the file: not a valid URL');
    expect(await failure('http://unknown-host.test/a.png', LOCAL)).toBe('Could not download the file: host not found');
  });
});

describe('media store and ingestMedia', () => {
  let dir: string;
  let store: MediaStore;

  beforeEach(() => {
    dir = tempDir();
    store = new MediaStore(dir, 'http://ghee.test');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a download under its hash and returns the Ghee media URL', async () => {
    const url = await ingestMedia(`${origin.url}/tiny.png`, store, LOCAL);
    expect(url).toMatch(/^http:\/\/ghee\.test\/media\/[0-9a-f]{64}\.png$/);
    const name = url.slice('http://ghee.test/media/'.length);
    expect(fs.readFileSync(path.join(dir, name))).toEqual(PNG);
  });

  it('stores the same bytes once, whatever URL they came from', async () => {
    const first = await ingestMedia(`${origin.url}/tiny.png`, store, LOCAL);
    const second = await ingestMedia(`${origin.url}/tiny-copy.png`, store, LOCAL);
    expect(second).toBe(first);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('keeps one of its own URLs without downloading it again', async () => {
    const url = await ingestMedia(`${origin.url}/tiny.png`, store, LOCAL);
    origin.requests.length = 0;
    expect(await ingestMedia(url, store, PUBLIC_ONLY)).toBe(url);
    expect(origin.requests).toEqual([]);
    expect(store.isOwnUrl(url)).toBe(true);
    expect(store.isOwnUrl(`${origin.url}/tiny.png`)).toBe(false);
    expect(store.isOwnUrl('http://ghee.test/media/abc.png')).toBe(false);
  });

  it('refuses an own-looking URL of a file it does not have', async () => {
    const url = `http://ghee.test/media/${'0'.repeat(64)}.png`;
    await expect(ingestMedia(url, store, LOCAL)).rejects.toThrow('Could not download the file: the file is not in the media library');
  });

  it('reads its public URL when asked, for servers that learn it once listening', async () => {
    let base = 'http://before.test';
    const late = new MediaStore(dir, () => base);
    base = 'http://after.test/';
    expect(late.urlFor('x.png')).toBe('http://after.test/media/x.png');
  });

  it('refuses to store bytes under a type it does not serve', async () => {
    await expect(store.save(HTML, 'html', 'text/html')).rejects.toThrow();
    await expect(store.save(PNG, 'png', 'image/jpeg')).rejects.toThrow();
  });
});

/** A bare app serving the media routes with the real error contract. */
function mediaApp(store: MediaStore): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async () => {
    throw errors.notFound();
  });
  registerMedia(app, store);
  return app;
}

describe('GET /media/:name', () => {
  let dir: string;
  let store: MediaStore;
  let app: FastifyInstance;
  let name: string;
  let hash: string;

  beforeAll(async () => {
    dir = tempDir();
    store = new MediaStore(dir, 'http://ghee.test');
    app = mediaApp(store);
    const saved = await store.save(PNG, 'png', 'image/png');
    hash = saved.hash;
    name = `${hash}.png`;
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the exact bytes with the sniffed type and immutable caching', async () => {
    const res = await app.inject({ method: 'GET', url: `/media/${name}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(PNG);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      etag: `"${hash}"`,
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.inject({ method: 'HEAD', url: `/media/${name}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(PNG.length));
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body).toBe('');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const res = await app.inject({ method: 'GET', url: `/media/${name}`, headers: { 'if-none-match': `"${hash}"` } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });

  it.each<[string, (hash: string) => string]>([
    ['an encoded path traversal', () => '/media/..%2F..%2Fetc%2Fpasswd'],
    ['a path traversal', () => '/media/../etc/passwd'],
    ['a short name', () => '/media/abc.png'],
    ['..', () => '/media/..'],
    ['a well-formed name that is not stored', () => `/media/${'0'.repeat(64)}.png`],
    ['an uppercase hash', (h) => `/media/${h.toUpperCase()}.png`],
    ['an uppercase extension', (h) => `/media/${h}.PNG`],
    ['a type not served', (h) => `/media/${h}.html`],
    ['no extension', (h) => `/media/${h}`],
    ['an embedded NUL', (h) => `/media/${h}.png%00.png`],
    ['a temp file name', () => '/media/.tmp-0123456789abcdef'],
  ])('answers 404 JSON for %s', async (_label, url) => {
    const res = await app.inject({ method: 'GET', url: url(hash) });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ detail: 'Not found' });
  });

  it('serves over a real socket too', async () => {
    const socketApp = mediaApp(store);
    try {
      const address = await socketApp.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/media/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
      const missing = await fetch(`${address}/media/${'f'.repeat(64)}.png`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ detail: 'Not found' });
    } finally {
      await socketApp.close();
    }
  });
});
