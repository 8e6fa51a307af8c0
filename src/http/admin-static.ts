import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { adminErrors, errors } from '../errors/index.js';
import { isAdminApi } from './admin-paths.js';

/** Where `npm run build -w admin` writes the dashboard (the same from src/ under tsx and from dist/). */
export const ADMIN_DIST = fileURLToPath(new URL('../../admin/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A regular file inside `root` for a URL path, or null (never a path outside `root`). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * The dashboard's Content-Security-Policy (docs/security.md): scripts, styles and API calls only
 * from Ghee itself, so no inline script or event handler runs, even in HTML that slipped past the
 * sanitisers; images also from anywhere over http(s), since rich text may show external images
 * and media URLs (PUBLIC_URL) may be another origin; `data:` for the built page's empty favicon.
 * No plugins, no `<base>`, forms post only to Ghee, and no page may frame the dashboard.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: http: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function sendFile(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  return (
    reply
      .header('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream')
      .header('cache-control', cacheControl)
      .header('x-content-type-options', 'nosniff')
      // On every file, not only index.html: any of them opened on its own is a document too.
      .header('content-security-policy', DASHBOARD_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .send(fs.createReadStream(file))
  );
}

/**
 * Serves the dashboard's built files at /admin: hashed assets with a year's cache, index.html
 * (never cached, so a new build shows at the next load) for every client-side route. The admin
 * API under /admin/api keeps its own routes and its JSON 404. A missing build is a 503 that says
 * how to make one.
 */
export function registerAdminStatic(app: FastifyInstance, distDir: string = ADMIN_DIST): void {
  const root = path.resolve(distDir);
  const handler = async (request: { url: string }, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0]!;
    if (isAdminApi(urlPath)) throw errors.notFound();
    const index = path.join(root, 'index.html');
    if (!fs.existsSync(index)) throw adminErrors.dashboardNotBuilt();
    const rest = urlPath.replace(/^\/admin\/?/, '');
    const file = rest ? fileFor(root, rest) : null;
    if (file && path.basename(file) !== 'index.html') {
      const hashed = rest.startsWith('assets/');
      return sendFile(reply, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing file with an extension is a 404; anything else is a client-side route.
    if (/\.[a-z0-9]+$/i.test(rest)) throw errors.notFound();
    return sendFile(reply, index, 'no-cache');
  };
  app.get('/admin', handler);
  app.get('/admin/*', handler);
}
