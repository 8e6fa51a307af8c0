import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { GONE, HOSTILE, KEPT, NESTED_USE, PNG_DATA, REFUSED, svg, uploadRaw, WITH_PNG } from './helpers/svg-samples.js';

// SVG through the dashboard's upload (docs/security.md, SVG files): every hostile file comes back
// from /media without anything that runs or loads, its drawing intact, served under a policy
// that allows no script; files that are not usable SVG are refused.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

describe.each(DIALECTS)('SVG uploads (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { svgMaxBytes: 512 * 1024 } });
    editor = await member(s.app, s.store, s.demo.id, 'editor');
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Uploads a file and GETs it back from its URL. */
  async function roundTrip(file: string) {
    const uploaded = await uploadRaw(s.app, editor, s.demo.id, file);
    expect(uploaded.status).toBe(201);
    const served = await s.app.inject({ method: 'GET', url: new URL(uploaded.body.data.url).pathname });
    expect(served.statusCode).toBe(200);
    return { data: uploaded.body.data, served, text: served.body };
  }

  it.for(HOSTILE)('strips %s and keeps the drawing', async ([, file]) => {
    const { text } = await roundTrip(file);
    expect(text).not.toMatch(GONE);
    for (const kept of KEPT) expect(text).toContain(kept);
  });

  it('serves an SVG as image/svg+xml under a policy that allows no script, with nosniff', async () => {
    const { served, data } = await roundTrip(svg('<circle r="1"/>'));
    expect(data).toMatchObject({ mime: 'image/svg+xml', name: expect.stringMatching(/^[0-9a-f]{64}\.svg$/) });
    expect(served.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    });
    expect(served.headers['content-disposition']).toBeUndefined();
  });

  it('stores the sanitised bytes, named by their own hash: the same file twice is one', async () => {
    const file = svg(`<script>alert('evil')</script>`);
    const { data, served } = await roundTrip(file);
    const hash = crypto.createHash('sha256').update(served.rawPayload).digest('hex');
    expect(data.name).toBe(`${hash}.svg`);
    expect(data.size).toBe(served.rawPayload.length);
    expect(served.rawPayload.length).toBeLessThan(Buffer.byteLength(file));
    expect((await roundTrip(file)).data.name).toBe(data.name);
  });

  it('keeps an inline PNG in an <image>', async () => {
    expect((await roundTrip(WITH_PNG)).text).toContain(`<image href="${PNG_DATA}" width="1" height="1"/>`);
  });

  it('drops a <use> of a group of <use>s, keeping the group', async () => {
    const { text } = await roundTrip(NESTED_USE);
    expect(text).toContain('<g id="twice"><use href="#r"/><use href="#r"/></g>');
    expect(text).not.toContain('#twice');
  });

  it('keeps text, CSS that loads nothing and a doctype-free prolog', async () => {
    const file = svg(
      '<style>rect { fill: url(#g); stroke: blue }</style><text x="1" y="2">Tom &amp; Jerry &lt;3</text>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n',
    );
    const { text } = await roundTrip(file);
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('<style>rect { fill: url(#g); stroke: blue }</style>');
    expect(text).toContain('<text x="1" y="2">Tom &amp; Jerry &lt;3</text>');
  });

  it('takes an SVG with a UTF-8 byte order mark, nested to the depth limit', async () => {
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(63)}<rect/>${'</g>'.repeat(63)}</svg>`;
    const { text } = await roundTrip(`\ufeff${deep}`);
    expect(text).toBe(deep);
  });

  it('counts only real elements against the limits: not those in comments, CDATA or quoted values', async () => {
    const inner = `<!-- ${'<g>'.repeat(10)} --><text font-family="a>b"><![CDATA[${'<g>'.repeat(10)}]]></text>`;
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(62)}${inner}${'</g>'.repeat(62)}</svg>`;
    const { text } = await roundTrip(deep);
    expect(text).toContain(`<text font-family="a&gt;b">${'&lt;g&gt;'.repeat(10)}</text>`);
  });

  it.for(REFUSED)('refuses %s (400), storing nothing', async ([, file]) => {
    const before = (await editor.get(`/admin/api/accounts/${s.demo.id}/media`)).body.meta.count;
    const res = await uploadRaw(s.app, editor, s.demo.id, file);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'media_type_not_allowed' });
    expect((await editor.get(`/admin/api/accounts/${s.demo.id}/media`)).body.meta.count).toBe(before);
  });

  it('refuses an SVG over SVG_MAX_BYTES (413), though under MEDIA_MAX_BYTES', async () => {
    const big = svg(`<desc>${'a'.repeat(512 * 1024)}</desc>`);
    const res = await uploadRaw(s.app, editor, s.demo.id, big);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'body_too_large' });
    // Just under it, the same file is taken.
    expect((await uploadRaw(s.app, editor, s.demo.id, svg(`<desc>${'a'.repeat(500 * 1024)}</desc>`))).status).toBe(201);
  });

  it('refuses a raw SVG that a store could stream unsanitised: only saveUpload takes SVG', async () => {
    const { allowedType } = await import('../src/media/sniff-type.js');
    expect(() => allowedType(Buffer.from(svg('')))).toThrow(/File type not allowed/);
  });
});
