import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Describing a file (PATCH .../media/:name): alt text, caption, tags, focal point, with their
// limits; every refused value reported at once, nothing changed then; viewers cannot write.

const FOCAL = 'Expected {"x": <0 to 1>, "y": <0 to 1>}, or null.';

describe.each(DIALECTS)('media library descriptions (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let file: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    const url = `/admin/api/accounts/${s.demo.id}/media`;
    const res = await uploadForm(s, editor, url, [{ fileName: 'hero.png', bytes: await png(8, 6) }]);
    file = `${url}/${res.body.data[0].name}`;
  });
  afterAll(async () => s?.close());

  const read = async () => (await viewer.get(file)).body.data;

  it('describes a file: only what is sent changes, tags trimmed, lower-cased and once each', async () => {
    const res = await editor.request('PATCH', file, {
      alt: '  A hero on a hill ',
      tags: ['Landscape', ' landscape ', 'Big   Sky', 'ÉTÉ'],
      focal_point: { x: 0.25, y: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      alt: 'A hero on a hill',
      caption: '',
      tags: ['landscape', 'big sky', 'été'],
      focal_point: { x: 0.25, y: 1 },
      updated: expect.stringMatching(/^\d{4}-.*Z$/),
    });
    expect(await read()).toEqual(res.body.data);
    const next = await editor.request('PATCH', file, { caption: 'Taken at dawn.\nMore below.' });
    expect(next.body.data).toMatchObject({ alt: 'A hero on a hill', caption: 'Taken at dawn.\nMore below.' });
    expect(next.body.data.tags).toEqual(['landscape', 'big sky', 'été']);
  });

  it('unsets with null: no alt, no tags, the focal point back to the centre', async () => {
    const res = await editor.request('PATCH', file, { alt: null, tags: null, focal_point: null });
    expect(res.body.data).toMatchObject({ alt: '', tags: [], focal_point: null });
  });

  it('an empty body changes nothing', async () => {
    const before = await read();
    expect((await editor.request('PATCH', file, {})).body.data).toEqual(before);
  });

  it.for<[string, unknown, Record<string, string[]>]>([
    ['alt not a string', { alt: 7 }, { alt: ['Not a valid string.'] }],
    ['alt too long', { alt: 'a'.repeat(1001) }, { alt: ['Ensure this field has no more than 1000 characters.'] }],
    [
      'a caption too long',
      { caption: 'é'.repeat(2001) },
      { caption: ['Ensure this field has no more than 2000 characters.'] },
    ],
    ['a NUL in the caption', { caption: 'a\u0000b' }, { caption: ['Control characters are not allowed.'] }],
    ['tags not a list', { tags: 'summer' }, { tags: ['Expected a list of items.'] }],
    [
      '31 tags',
      { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) },
      { tags: ['Ensure this field has no more than 30 tags.'] },
    ],
    [
      'a tag too long',
      { tags: ['ok', 'x'.repeat(51)] },
      { 'tags.1': ['Ensure each tag has no more than 50 characters.'] },
    ],
    ['a blank tag', { tags: ['  '] }, { 'tags.0': ['A tag may not be blank.'] }],
    [
      'a tag not a string',
      { tags: ['ok', 3, null] },
      { 'tags.1': ['Not a valid string.'], 'tags.2': ['Not a valid string.'] },
    ],
    ['a focal point outside the image', { focal_point: { x: 1.5, y: 0.5 } }, { focal_point: [FOCAL] }],
    ['a negative focal point', { focal_point: { x: 0.5, y: -0.1 } }, { focal_point: [FOCAL] }],
    ['a focal point of strings', { focal_point: { x: '0.5', y: '0.5' } }, { focal_point: [FOCAL] }],
    ['a focal point without y', { focal_point: { x: 0.5 } }, { focal_point: [FOCAL] }],
    ['a focal point with more keys', { focal_point: { x: 0.5, y: 0.5, z: 0 } }, { focal_point: [FOCAL] }],
    ['a focal point as a list', { focal_point: [0.5, 0.5] }, { focal_point: [FOCAL] }],
    ['a focal point as text', { focal_point: 'center' }, { focal_point: [FOCAL] }],
    [
      'everything wrong at once',
      { alt: false, caption: [], tags: {}, focal_point: { x: 2, y: 2 } },
      {
        alt: ['Not a valid string.'],
        caption: ['Not a valid string.'],
        tags: ['Expected a list of items.'],
        focal_point: [FOCAL],
      },
    ],
  ])('refuses %s with field errors, changing nothing', async ([, body, fields]) => {
    const before = await read();
    const res = await editor.request('PATCH', file, body);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: { detail: { fields }, code: 'validation' },
    });
    expect(await read()).toEqual(before);
  });

  it.for<[string, unknown, string, string]>([
    ['an unknown key', { alt: 'x', title: 'y' }, "Unknown key 'title' in request body", 'unknown_body_key'],
    ['a list', [{ alt: 'x' }], 'Request body must be a JSON object', 'malformed_body'],
  ])('refuses a body with %s', async ([, body, detail, code]) => {
    const res = await editor.request('PATCH', file, body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { detail, code } });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await s.app.inject({
      method: 'PATCH',
      url: file,
      payload: '{"alt": ',
      headers: {
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': editor.csrf,
        'content-type': 'application/json',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('json_parse');
  });

  it('lets a viewer read but not write', async () => {
    const forbidden = { detail: 'You do not have permission to perform this action', code: 'forbidden' };
    expect(await viewer.request('PATCH', file, { alt: 'x' })).toMatchObject({ status: 403, body: forbidden });
    expect(await viewer.request('DELETE', `${file}?force=true`)).toMatchObject({ status: 403, body: forbidden });
    const replace = await uploadForm(s, viewer, `${file}/replace`, [{ fileName: 'x.png', bytes: await png(2, 2, 9) }]);
    expect(replace).toMatchObject({ status: 403, body: forbidden });
    expect((await viewer.get(`${file}/uses`)).status).toBe(200);
    expect((await editor.request('PUT', file, { alt: 'x' })).status).toBe(405);
  });
});
