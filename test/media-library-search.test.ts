import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { png, uploadForm } from './helpers/media-library.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Searching the library (q over name, alt, caption and tags; tag and type filters; pages) and
// reading one file, as the dashboard's grid does; every account sees only its own files.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(64)]);

describe.each(DIALECTS)('media library search (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let viewer: AdminClient;
  let url: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    url = `/admin/api/accounts/${s.demo.id}/media`;
    const files = [
      ['Beach_Sunset.png', await png(4, 3, 1), { alt: 'Golden sky over the SEA', tags: ['Holiday', 'summer 2024'] }],
      ['city-night.png', await png(4, 3, 2), { caption: 'Lights of the city: 100% bright', tags: ['holiday'] }],
      ['price_list.pdf', PDF, { caption: 'Prices for 2024' }],
      ['jingle.mp3', MP3, { tags: ['audio', 'summer'] }],
    ] as const;
    for (const [fileName, bytes, description] of files) {
      const res = await uploadForm(s, editor, url, [{ fileName, bytes }]);
      names[fileName] = res.body.data[0].name;
      expect((await editor.request('PATCH', `${url}/${names[fileName]}`, description)).status).toBe(200);
    }
  });
  afterAll(async () => s?.close());

  const found = async (query: string) => {
    const res = await viewer.get(`${url}?${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((i: { original_name: string }) => i.original_name).sort();
  };

  it.for<[string, string, string[]]>([
    ['a word of the original name, in any case', 'q=SUNSET', ['Beach_Sunset.png']],
    ['the alt text', 'q=golden%20sea', ['Beach_Sunset.png']],
    ['the caption', 'q=lights', ['city-night.png']],
    ['a tag', 'q=summer', ['Beach_Sunset.png', 'jingle.mp3']],
    ['words found in different places', 'q=beach%20holiday', ['Beach_Sunset.png']],
    ['% as itself', 'q=100%25', ['city-night.png']],
    ['_ as itself', 'q=_', ['Beach_Sunset.png', 'price_list.pdf']],
    ['nothing', 'q=zebra', []],
    ['a tag, whole and in any case', 'tag=HOLIDAY', ['Beach_Sunset.png', 'city-night.png']],
    ['a tag never matched by a part', 'tag=summ', []],
    ['images', 'type=image', ['Beach_Sunset.png', 'city-night.png']],
    ['documents', 'type=document', ['price_list.pdf']],
    ['audio', 'type=audio', ['jingle.mp3']],
    ['video', 'type=video', []],
    ['all filters at once', 'q=2024&tag=summer%202024&type=image', ['Beach_Sunset.png']],
    [
      'empty parameters, as no filter',
      'q=&tag=&type=',
      ['Beach_Sunset.png', 'city-night.png', 'jingle.mp3', 'price_list.pdf'],
    ],
  ])('finds by %s', async ([, query, expected]) => {
    expect(await found(query)).toEqual(expected);
  });

  it('pages the list, newest upload first, with the count of what matches', async () => {
    const first = await viewer.get(`${url}?page=1&page_size=3`);
    expect(first.body.meta).toEqual({ count: 4, next_page: 2, previous_page: null });
    expect(first.body.data.map((i: { original_name: string }) => i.original_name)).toEqual([
      'jingle.mp3',
      'price_list.pdf',
      'city-night.png',
    ]);
    const second = await viewer.get(`${url}?page=2&page_size=3&q=`);
    expect(second.body.meta).toEqual({ count: 4, next_page: null, previous_page: 1 });
    expect(second.body.data).toHaveLength(1);
    const filtered = await viewer.get(`${url}?type=image&page=2&page_size=1`);
    expect(filtered.body.meta).toEqual({ count: 2, next_page: null, previous_page: 1 });
  });

  it.for([
    ['type=photo', 'type query parameter should be image, video, audio or document', 'invalid_media_type'],
    [`q=${'a'.repeat(201)}`, 'q query parameter should be at most 200 characters', 'invalid_search'],
    [`tag=${'a'.repeat(51)}`, 'tag query parameter should be at most 50 characters', 'invalid_search'],
    [
      'page_size=0',
      'page_size query parameter should be an integer between 1 and 100 (inclusive)',
      'invalid_page_size',
    ],
  ])('refuses %s', async ([query, detail, code]) => {
    const res = await viewer.get(`${url}?${query}`);
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { detail, code } });
  });

  it('takes control characters in q as spaces (PostgreSQL cannot compare NUL)', async () => {
    expect(await found('q=sunset%00beach')).toEqual(['Beach_Sunset.png']);
  });

  it('reads one file, described', async () => {
    const res = await viewer.get(`${url}/${names['Beach_Sunset.png']}`);
    expect(res.body.data).toMatchObject({
      original_name: 'Beach_Sunset.png',
      value: expect.stringMatching(/\/beach_sunset\.png$/),
      alt: 'Golden sky over the SEA',
      tags: ['holiday', 'summer 2024'],
      updated: expect.stringMatching(/Z$/),
    });
  });

  it.for([
    ['an unknown file', `${'0'.repeat(64)}.png`],
    ['a name the library could not have written', 'nope.png'],
    ['a name with a NUL', 'a%00.png'],
  ])('404 for %s', async ([, name]) => {
    for (const path of [`${url}/${name}`, `${url}/${name}/uses`]) {
      expect(await viewer.get(path)).toMatchObject({ status: 404, body: { detail: 'Not found', code: 'not_found' } });
    }
  });

  it("keeps each account's library its own: another account's file is a 404, not a leak", async () => {
    const other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
    const stranger = await member(s.app, s.store, other.id, 'owner');
    const theirs = `/admin/api/accounts/${other.id}/media`;
    const name = names['Beach_Sunset.png']!;
    expect((await stranger.get(theirs)).body.meta.count).toBe(0);
    expect((await stranger.get(`${theirs}/${name}`)).status).toBe(404);
    expect((await stranger.get(`${theirs}/${name}/uses`)).status).toBe(404);
    expect((await stranger.request('PATCH', `${theirs}/${name}`, { alt: 'x' })).status).toBe(404);
    expect((await stranger.request('DELETE', `${theirs}/${name}?force=true`)).status).toBe(404);
    expect((await stranger.get(`${url}/${name}`)).status).toBe(404);
    expect((await viewer.get(`${url}/${name}`)).body.data.alt).toBe('Golden sky over the SEA');
  });
});
