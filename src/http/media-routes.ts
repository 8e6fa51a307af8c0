import type { FastifyInstance } from 'fastify';
import { errors } from '../errors/index.js';
import type { MediaStore } from '../media/media-store.js';

/**
 * Serves the media library at `GET|HEAD /media/:name`. A file never changes under its name (the
 * name is its hash), so it is cached for a year as immutable; nosniff keeps browsers to the
 * type Ghee sniffed when storing it. Unknown and malformed names are the ordinary 404.
 */
export function registerMedia(app: FastifyInstance, store: MediaStore): void {
  app.route<{ Params: { name: string } }>({
    method: ['GET', 'HEAD'],
    url: '/media/:name',
    handler: async (request, reply) => {
      const file = await store.open(request.params.name);
      if (!file) throw errors.notFound();
      const etag = `"${file.hash}"`;
      reply.headers({
        'content-type': file.mime,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'access-control-allow-origin': '*',
        etag,
        ...activeTypeHeaders(request.params.name, file.mime),
      });
      const fresh = isFresh(request.headers['if-none-match'], etag);
      if (fresh || request.method === 'HEAD') {
        await file.close();
        return fresh ? reply.code(304).send() : reply.header('content-length', file.size).send();
      }
      return reply.header('content-length', file.size).send(file.stream());
    },
  });
}

/**
 * Images stay plain inline files (the library takes no SVG, so none can hold script). Every other
 * type opens as a document of its own, with a viewer: it is sandboxed (no script, no same-origin
 * access to Ghee), and a PDF, whose viewers run the document's own scripts, is a download.
 */
function activeTypeHeaders(name: string, mime: string): Record<string, string> {
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
