import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors/index.js';
import { defaultImageService } from '../images/default-image-service.js';
import type { Derivative, ImageService } from '../images/image-service.js';
import { readMediaPath } from '../images/read-media-path.js';
import type { MediaStore, OpenedMedia } from '../media/media-store.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the media library at `GET|HEAD /media/*` (docs/api.md §11): a stored file as it is, or,
 * with image tasks before its name, an image query or a preset, the derivative the image service
 * renders once and stores. Neither ever changes under its URL (the file's name is its hash, a
 * derivative's key is made of everything that shapes it), so both are cached for a year as
 * immutable; nosniff keeps browsers to the type Ghee decided. Unknown and malformed paths are the
 * ordinary 404.
 */
export function registerMedia(app: FastifyInstance, store: MediaStore, images?: ImageService): void {
  const service = images ?? defaultImageService(store);
  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/*',
    handler: async (request, reply) => {
      const url = request.url;
      const query = url.indexOf('?');
      const file = readMediaPath(url.slice('/media/'.length, query === -1 ? undefined : query));
      if (!file) throw errors.notFound();
      const derived = await service.derivative({
        file,
        query: lastValues(request.query),
        url,
        accept: request.headers.accept,
      });
      if (derived) return sendDerivative(request, reply, derived);
      const original = await store.open(file.name);
      if (!original) throw errors.notFound();
      const shownName = file.label ? `${file.label}${file.name.slice(file.name.indexOf('.'))}` : file.name;
      reply.headers(activeTypeHeaders(shownName, original.mime));
      return sendFile(request, reply, original, `"${original.hash}"`);
    },
  });
}

/** A derivative: an image of Ghee's own making, so no sandbox; Vary: Accept when its format came from Accept. */
function sendDerivative(request: FastifyRequest, reply: FastifyReply, derived: Derivative): Promise<FastifyReply> {
  if (derived.variesWithAccept) reply.header('vary', 'Accept');
  return sendFile(request, reply, derived.opened, `"${derived.key.slice(0, derived.key.indexOf('.'))}"`);
}

/** Sends an opened file with its caching headers: 304 when the client's copy is current, no body for HEAD. */
async function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: OpenedMedia,
  etag: string,
): Promise<FastifyReply> {
  reply.headers({
    'content-type': file.mime,
    'cache-control': IMMUTABLE,
    'x-content-type-options': 'nosniff',
    'access-control-allow-origin': '*',
    etag,
  });
  const fresh = isFresh(request.headers['if-none-match'], etag);
  if (fresh || request.method === 'HEAD') {
    await file.close();
    return fresh ? reply.code(304).send() : reply.header('content-length', file.size).send();
  }
  return reply.header('content-length', file.size).send(file.stream());
}

/** A query as plain strings, a repeated parameter counting with its last value (as docs/api.md §1 says). */
function lastValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') out[key] = last;
  }
  return out;
}

/**
 * Raster images stay plain inline files. An SVG is a document that could hold script, though the
 * library stores it sanitised (src/media/svg/): opened on its own it gets a policy that allows no
 * script, no request at all, bar its inline styles and the raster data: images the sanitiser
 * keeps. Every other type opens as a document of its own, with a viewer: it is sandboxed (no
 * script, no same-origin access to Ghee), and a PDF, whose viewers run the document's own
 * scripts, is a download.
 */
function activeTypeHeaders(name: string, mime: string): Record<string, string> {
  if (mime === 'image/svg+xml')
    return { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" };
  if (mime.startsWith('image/')) return {};
  const sandbox = { 'content-security-policy': 'sandbox' };
  return mime === 'application/pdf' ? { ...sandbox, 'content-disposition': `attachment; filename="${name}"` } : sandbox;
}

/** If-None-Match holds our ETag (or `*`), so the client's copy is current. */
function isFresh(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
