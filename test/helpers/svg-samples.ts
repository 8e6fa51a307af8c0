import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AdminClient } from './admin.js';

// SVG files for the sanitiser's suites (test/svg-*.test.ts): hostile ones, each of whose payloads
// names `evil` (a URL on evil.test, alert('evil')), so one check proves none of it survived;
// harmless drawing they must keep; and files to refuse.

const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">';

/** Shapes, a gradient and references inside the file: all of it must survive. */
const DRAWING =
  '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>' +
  '<rect id="r" width="10" height="10" fill="url(#g)" style="stroke:url(#g);stroke-width:2"/>' +
  '<use href="#r" x="1"/><use xlink:href="#r" x="2"/>';

/** What the served file must still hold of DRAWING. */
export const KEPT = [
  '<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>',
  '<rect id="r" width="10" height="10" fill="url(#g)" style="stroke:url(#g);stroke-width:2"/>',
  '<use href="#r" x="1"/>',
  '<use xlink:href="#r" x="2"/>',
];

/** Nothing of a hostile payload: its marker, and no markup or URL that could run or load. */
export const GONE =
  /evil|script|onload|onclick|foreignObject|iframe|xml:base|@import|ENTITY|DOCTYPE|data:(?!image\/png)/i;

/** A whole SVG file: DRAWING around `inside`. */
export const svg = (inside: string, prolog = '') => `${prolog}${OPEN}${DRAWING}${inside}</svg>`;

/** A 1x1 PNG as a data: URL, which an `<image>` may keep. */
export const PNG_DATA =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Each hostile file: a name and the file. */
export const HOSTILE: [string, string][] = [
  ['a script element', svg(`<script>alert('evil')</script>`)],
  ['a script with a src', svg(`<script href="http://evil.test/x.js"/>`)],
  ['event handlers', svg(`<rect onload="alert('evil')" onclick="alert('evil')" width="1" height="1"/>`)],
  ['an event handler on the root', `${OPEN.slice(0, -1)} onload="alert('evil')">${DRAWING}</svg>`],
  ['a javascript: link', svg(`<a href="javascript:alert('evil')"><text>link</text></a>`)],
  ['a javascript: xlink:href', svg(`<a xlink:href="javascript:alert('evil')"><text>link</text></a>`)],
  ['an entity-encoded javascript: link', svg(`<a href="&#x6a;avascript:alert('evil')"><text>x</text></a>`)],
  ['a data:text/html link', svg(`<a href="data:text/html,alert('evil')"><text>x</text></a>`)],
  ['an external link', svg(`<a href="https://evil.test/"><text>x</text></a>`)],
  [
    'foreignObject with HTML',
    svg(`<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://evil.test/"/></foreignObject>`),
  ],
  ['a <use> of another file', svg(`<use href="http://evil.test/x.svg#a"/>`)],
  ['a <use> of another file by xlink:href', svg(`<use xlink:href="http://evil.test/x.svg#a"/>`)],
  ['a <use> of a relative file', svg(`<use href="evil.svg#a"/>`)],
  ['a <use> of a data: SVG', svg(`<use href="data:image/svg+xml,&lt;svg id='evil'/&gt;#evil"/>`)],
  ['an external <image>', svg(`<image href="http://evil.test/x.png" width="1" height="1"/>`)],
  ['an external <image> by xlink:href', svg(`<image xlink:href="http://evil.test/x.png"/>`)],
  ['an <image> of a data: SVG', svg(`<image href="data:image/svg+xml;utf8,&lt;svg onload='evil'/&gt;"/>`)],
  ['url() in a style attribute', svg(`<rect style="fill:red;background:url(http://evil.test/x)"/>`)],
  ['a CSS escape in a style attribute', svg(`<rect style="background:u\\72 l(http://evil.test/x)"/>`)],
  ['image-set() in a style attribute', svg(`<rect style="background:image-set('http://evil.test/x' 1x)"/>`)],
  ['url() in a presentation attribute', svg(`<rect filter="url(http://evil.test/f.svg#f)" mask="url(evil.svg#m)"/>`)],
  ['@import in a <style>', svg(`<style>@import url(http://evil.test/x.css);</style>`)],
  ['@import of a string in a <style>', svg(`<style>@import "http://evil.test/x.css";</style>`)],
  ['url() in a <style>', svg(`<style>rect { fill: url(http://evil.test/p.svg#x) }</style>`)],
  ['url() in a <style> CDATA section', svg(`<style><![CDATA[ rect { fill: url(http://evil.test/p#x) } ]]></style>`)],
  ['@font-face in a <style>', svg(`<style>@font-face { font-family: e; src: local(evil) }</style>`)],
  ['an XHTML script by namespace', svg(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert('evil')</h:script>`)],
  ['an SVG script under a prefix', svg(`<s:script xmlns:s="http://www.w3.org/2000/svg">alert('evil')</s:script>`)],
  ['an element of an unknown namespace', svg(`<x:evil xmlns:x="urn:evil"><rect/></x:evil>`)],
  ['an xlink:href under another prefix', svg(`<a xmlns:l="http://www.w3.org/1999/xlink" l:href="javascript:evil()"/>`)],
  ['upper-case tags and attributes', svg(`<SCRIPT>alert('evil')</SCRIPT><rect ONLOAD="alert('evil')"/>`)],
  ['animation that writes a link', svg(`<a><animate attributeName="href" to="javascript:alert('evil')"/></a>`)],
  ['set that writes a handler', svg(`<set attributeName="onclick" to="alert('evil')"/>`)],
  ['xml:base', svg(`<g xml:base="http://evil.test/"><use href="#r"/></g>`)],
  ['HTML inside the SVG', svg(`<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert('evil')"/></html>`)],
  ['a processing instruction', svg(`<?evil x?>`, `<?xml-stylesheet href="http://evil.test/x.css"?>`)],
  ['an external doctype', svg('', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://evil.test/x.dtd">')],
  ['comments', svg(`<!-- evil --><rect/>`)],
];

/** An `<image>` with an inline PNG, kept (raster data: images cannot script or load anything). */
export const WITH_PNG = svg(`<image href="${PNG_DATA}" width="1" height="1"/>`);

/** A `<use>` of a group that holds `<use>`s: nested uses multiply, so that use goes; the group stays. */
export const NESTED_USE = svg(`<g id="twice"><use href="#r"/><use href="#r"/></g><use href="#twice"/>`);

/** Elements nested `depth` deep inside the root. */
export const nested = (depth: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(depth)}<rect/>${'</g>'.repeat(depth)}</svg>`;

/**
 * Costly to sanitise but within every limit: chains of groups 60 deep, `count` elements in all.
 * At 50,000 elements it is near the worst a file may cost (seconds of a thread).
 */
export function heavySvg(count: number): string {
  const chain = `${'<g fill="red">'.repeat(60)}${'</g>'.repeat(60)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg">${chain.repeat(Math.floor(count / 60))}<rect/></svg>`;
}

/** POSTs a file as the raw body of an admin upload (the one-file form every client can send). */
export async function uploadRaw(app: FastifyInstance, client: AdminClient, accountId: number, body: string | Buffer) {
  const res = await app.inject({
    method: 'POST',
    url: `/admin/api/accounts/${accountId}/media`,
    payload: body,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrf,
      'content-type': 'image/svg+xml',
    },
  });
  return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
}

/** A local origin that serves `files[path]` as image/svg+xml (what the sender says is never what decides). */
export async function svgOrigin(files: Record<string, string | Buffer>) {
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const TYPE_NOT_ALLOWED = 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3';

/** Files refused, each with the exact reason a write's field error gives. */
export const REFUSED: [string, string | Buffer, string][] = [
  [
    'an entity expansion bomb',
    `<!DOCTYPE svg [<!ENTITY a "evil"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
      `<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>`,
    'SVG file refused: it declares entities (a DTD internal subset), which are not accepted',
  ],
  [
    'an external entity',
    `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>`,
    'SVG file refused: it declares entities (a DTD internal subset), which are not accepted',
  ],
  [
    'SVG that is not well-formed',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
    'SVG file refused: it is not well-formed XML (1:52: unexpected close tag.)',
  ],
  ['XML that is not SVG', '<?xml version="1.0"?><note><to>evil</to></note>', TYPE_NOT_ALLOWED],
  ['HTML holding an SVG', `<html><body>${svg('')}</body></html>`, TYPE_NOT_ALLOWED],
  [
    'an <svg> root outside the SVG namespace',
    '<svg><rect width="1" height="1"/></svg>',
    'SVG file refused: its root element must be <svg xmlns="http://www.w3.org/2000/svg">',
  ],
  [
    'an <svg> root in the XHTML namespace',
    '<svg xmlns="http://www.w3.org/1999/xhtml"><script>evil()</script></svg>',
    'SVG file refused: its root element must be <svg xmlns="http://www.w3.org/2000/svg">',
  ],
  [
    'an SVG that is only a script',
    `<svg xmlns="http://www.w3.org/2000/svg"><script>alert('evil')</script></svg>`,
    'SVG file refused: nothing is left once scripts and external references are removed',
  ],
  ['elements nested 65 deep', nested(64), 'SVG file refused: elements are nested more than 64 deep'],
  [
    'an element with 65 attributes',
    `<svg xmlns="http://www.w3.org/2000/svg"><rect ${Array.from({ length: 65 }, (_, i) => `a${i}="1"`).join(' ')}/></svg>`,
    'SVG file refused: an element has more than 64 attributes',
  ],
  [
    'more than 50,000 elements',
    `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(50_000)}</svg>`,
    'SVG file refused: it has more than 50000 elements',
  ],
  [
    'text that is not UTF-8',
    Buffer.concat([
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('</text></svg>'),
    ]),
    'SVG file refused: it is not UTF-8 text',
  ],
];
