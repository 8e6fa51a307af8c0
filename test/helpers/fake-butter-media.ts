// A fake ButterCMS whose content uses images as ButterCMS serves them: handles on a CDN, with
// Filestack-style tasks in front (`/resize=width:400/<handle>`), in a media field, in the srcsets
// and pictures of rich text, and as a post's featured image with its alt text. The CDN serves a
// handle's file only at its plain URL, and counts every request.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export const BUTTER_TOKEN = 'butter-media-token';

/** A file of the fake CDN: its handle, bytes, and what the library should say of it. */
export interface CdnFile {
  handle: string;
  bytes: Buffer;
  /** `<sha256>.<ext>`, the library's name of it. */
  name: string;
  width: number;
  height: number;
}

export interface FakeButter {
  /** The read API's base, `http://127.0.0.1:<port>/v2`. */
  api: string;
  /** The CDN's host (`127.0.0.1:<port>`) and origin. */
  host: string;
  cdn: string;
  files: { hero: CdnFile; picture: CdnFile; cover: CdnFile };
  /** How many times each path of the CDN was asked for. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

async function image(handle: string, width: number, height: number, format: 'png' | 'jpeg'): Promise<CdnFile> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .toFormat(format)
    .toBuffer();
  const ext = format === 'jpeg' ? 'jpg' : 'png';
  return { handle, bytes, name: `${createHash('sha256').update(bytes).digest('hex')}.${ext}`, width, height };
}

/** The page: a media field and rich text whose images use task URLs and srcsets; one image is gone. */
function galleryPage(cdn: string) {
  const body =
    `<p>Intro</p><img src="${cdn}/resize=width:400/HeroHandle1" srcset="${cdn}/resize=width:200/HeroHandle1 200w, ${cdn}/resize=width:400/HeroHandle1 400w" alt="A hero">` +
    `<picture><source srcset="${cdn}/resize=width:300/PicHandle2 300w, ${cdn}/PicHandle2 600w"><img src="${cdn}/PicHandle2" alt="A picture"></picture>` +
    `<img src="${cdn}/GoneHandle4" alt="gone"><img src="${cdn}/PageHandle5"><img src="/relative.png"><img src="data:image/png;base64,AAAA">`;
  return {
    slug: 'gallery',
    name: 'Gallery',
    page_type: null,
    published: '2024-05-01T10:00:00Z',
    updated: '2024-05-02T10:00:00Z',
    fields: { headline: 'Gallery', hero: `${cdn}/resize=width:800/quality=value:80/HeroHandle1`, body },
  };
}

function coverPost(cdn: string) {
  return {
    slug: 'cover-story',
    status: 'published',
    title: 'Cover story',
    created: '2024-05-01T10:00:00Z',
    updated: '2024-05-01T10:00:00Z',
    published: '2024-05-01T10:00:00Z',
    author: { slug: 'ann' },
    featured_image: `${cdn}/resize=width:640/CoverHandle3`,
    featured_image_alt: 'Post cover',
    body: `<p>Story</p><img srcset="${cdn}/resize=width:320/CoverHandle3 1x, ${cdn}/CoverHandle3 2x">`,
    summary: '',
    seo_title: '',
    meta_description: '',
    categories: [],
    tags: [],
  };
}

/** Starts the fake on 127.0.0.1 (its API and its CDN on one port). */
export async function startFakeButter(): Promise<FakeButter> {
  const files = {
    hero: await image('HeroHandle1', 800, 600, 'png'),
    picture: await image('PicHandle2', 600, 400, 'jpeg'),
    cover: await image('CoverHandle3', 640, 480, 'png'),
  };
  const byPath = new Map(Object.values(files).map((f) => [`/${f.handle}`, f]));
  const requests = new Map<string, number>();
  let cdn = '';
  const json = (res: http.ServerResponse, body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const list = (data: unknown[]) => ({ meta: { previous_page: null, next_page: null, count: data.length }, data });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, cdn);
    if (!url.pathname.startsWith('/v2/')) {
      requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
      const file = byPath.get(url.pathname);
      if (file) return void res.writeHead(200, { 'content-type': 'image/*' }).end(file.bytes);
      // Labelled as an image, but a web page: never stored.
      if (url.pathname === '/PageHandle5')
        return void res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><p>no</p>');
      return void res.writeHead(404).end();
    }
    if (url.searchParams.get('auth_token') !== BUTTER_TOKEN)
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail": "Invalid token."}');
    if (url.pathname === '/v2/pages/*/') return json(res, list([galleryPage(cdn)]));
    if (url.pathname === '/v2/posts/') return json(res, list([coverPost(cdn)]));
    if (url.pathname === '/v2/authors/') return json(res, { data: [{ slug: 'ann', first_name: 'Ann' }] });
    if (['/v2/categories/', '/v2/tags/'].includes(url.pathname)) return json(res, { data: [] });
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail": "Not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  cdn = `http://${host}`;
  return {
    api: `${cdn}/v2`,
    host,
    cdn,
    files,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
