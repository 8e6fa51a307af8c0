import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { signMediaPath } from '../src/images/sign-media-path.js';
import { DIALECTS } from './helpers/databases.js';
import { fetchImage, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// MEDIA_TRANSFORMS (docs/api.md §11): presets only, or signed URLs; the built-in thumbnail preset
// and PLANS_FILE's imagePresets in every mode; the settings refused at start.

const SECRET = 'correct-horse-battery-staple-1234';
const LIMITED = { status: 400, body: { detail: 'Image transformations are limited to presets' } };
const UNSIGNED = {
  status: 403,
  body: { detail: 'Image transformations need a valid signature: sig is missing or wrong' },
};

/** A plans file in a temp folder; removed with the folder by the caller. */
function plansFile(doc: unknown): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-presets-'));
  const file = path.join(dir, 'plans.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return { file, dir };
}

const PLANS = {
  free: { monthly_calls: 1000 },
  imagePresets: {
    hero: 'resize=width:160,height:90,fit:crop/output=format:webp',
    square: 'resize=width:50,height:50,fit:crop',
  },
};

describe.each(DIALECTS)('MEDIA_TRANSFORMS=presets (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  let plans: { file: string; dir: string };
  beforeAll(async () => {
    plans = plansFile(PLANS);
    s = await demoServer(dialect, { config: { mediaTransforms: 'presets', plansFile: plans.file } });
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
  });
  afterAll(async () => {
    await s?.close();
    fs.rmSync(plans.dir, { recursive: true, force: true });
  });

  it.for([
    ['tasks', (p: string) => `/media/resize=width:100/${p}`],
    ['a query', (p: string) => `/media/${p}?width=100`],
    ['a preset with more', (p: string) => `/media/${p}?preset=thumbnail&width=100`],
    ['a signed-looking query', (p: string) => `/media/${p}?width=100&sig=${'0'.repeat(64)}`],
  ] as const)('refuses %s', async ([, url]) => {
    const r = await fetchImage(s, url(photo));
    expect({ status: r.status, body: r.json }).toEqual(LIMITED);
  });

  it.for([
    ['thumbnail', 'webp', 320, 320],
    ['hero', 'webp', 160, 90],
    ['square', 'jpeg', 50, 50],
  ] as const)('serves ?preset=%s as %s %i x %i', async ([preset, format, width, height]) => {
    const r = await fetchImage(s, `/media/${photo}?preset=${preset}&v=7`);
    expect(r.status).toBe(200);
    expect([r.image!.format, r.image!.width, r.image!.height]).toEqual([format, width, height]);
  });

  it('refuses an unknown preset, and serves originals', async () => {
    const r = await fetchImage(s, `/media/${photo}?preset=constructor`);
    expect({ status: r.status, body: r.json }).toEqual({
      status: 400,
      body: { detail: "Unknown image preset 'constructor'" },
    });
    expect((await fetchImage(s, `/media/${photo}`)).status).toBe(200);
  });

  it('the plans in the same file still apply', async () => {
    const { plans: inForce } = await import('../src/accounts/plans.js');
    expect(inForce().free!.monthlyCalls).toBe(1000);
  });
});

describe.each(DIALECTS)('MEDIA_TRANSFORMS=signed (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaTransforms: 'signed', mediaSigningSecret: SECRET } });
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
  });
  afterAll(async () => s?.close());

  it('serves a signed task URL and a signed query URL', async () => {
    const tasks = await fetchImage(s, signMediaPath(`/media/resize=width:100/${photo}`, SECRET));
    expect(tasks.image).toMatchObject({ width: 100, height: 75 });
    const query = await fetchImage(s, signMediaPath(`/media/${photo}?width=100&format=webp&v=2`, SECRET));
    expect(query.image).toMatchObject({ format: 'webp', width: 100 });
  });

  it('finds sig wherever it is in the query', async () => {
    const signed = signMediaPath(`/media/${photo}?width=110`, SECRET);
    const sig = signed.slice(signed.indexOf('sig='));
    expect((await fetchImage(s, `/media/${photo}?${sig}&width=110`)).status).toBe(200);
  });

  it.for([
    ['no sig', (p: string) => `/media/resize=width:100/${p}`],
    ['an empty sig', (p: string) => `/media/resize=width:100/${p}?sig=`],
    ['a sig of another secret', (p: string) => signMediaPath(`/media/resize=width:100/${p}`, 'x'.repeat(32))],
    [
      'a sig of another width',
      (p: string) => signMediaPath(`/media/${p}?width=100`, SECRET).replace('width=100', 'width=900'),
    ],
    ['a sig with a parameter added', (p: string) => `${signMediaPath(`/media/${p}?width=100`, SECRET)}&format=png`],
    [
      'a sig in capitals',
      (p: string) => signMediaPath(`/media/${p}?width=100`, SECRET).replace(/[0-9a-f]{64}$/, (h) => h.toUpperCase()),
    ],
  ] as const)('refuses %s with 403', async ([, url]) => {
    const r = await fetchImage(s, url(photo));
    expect({ status: r.status, body: r.json }).toEqual(UNSIGNED);
  });

  it('serves presets and originals unsigned', async () => {
    expect((await fetchImage(s, `/media/${photo}?preset=thumbnail`)).image).toMatchObject({ width: 320, height: 320 });
    expect((await fetchImage(s, `/media/${photo}?v=1`)).status).toBe(200);
  });
});

describe('signMediaPath, as documented', () => {
  const example =
    '/media/resize=width:800,height:600,fit:crop/output=format:webp/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.jpg?v=2';

  it('signs docs/api.md’s worked example as the page shows it', () => {
    const signed = signMediaPath(example, SECRET);
    expect(signed).toBe(`${example}&sig=6bd0f3f92373e6d49ba9a522a933557ce73d285d77f7745c5d4914c600cb7d87`);
    const doc = fs.readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    expect(doc).toContain(signed.slice(signed.indexOf('sig=')));
    expect(doc).toContain(SECRET);
  });

  it('appends with ? to a path without a query', () => {
    expect(signMediaPath('/media/flip/x.jpg', SECRET)).toMatch(/^\/media\/flip\/x\.jpg\?sig=[0-9a-f]{64}$/);
  });
});

describe('the image settings refused at start', () => {
  it.for<[Record<string, string>, string]>([
    [{ MEDIA_TRANSFORMS: 'some' }, 'MEDIA_TRANSFORMS must be any, presets or signed, not "some"'],
    [
      { MEDIA_TRANSFORMS: 'signed' },
      'MEDIA_SIGNING_SECRET must be set when MEDIA_TRANSFORMS is signed (e.g. openssl rand -hex 32)',
    ],
    [
      { MEDIA_TRANSFORMS: 'signed', MEDIA_SIGNING_SECRET: 'short' },
      'MEDIA_SIGNING_SECRET must be at least 32 characters',
    ],
    [{ MEDIA_RENDERS: '0' }, 'MEDIA_RENDERS must be a whole number of at least 1, not "0"'],
    [{ MEDIA_RENDER_QUEUE: '-1' }, 'MEDIA_RENDER_QUEUE must be a whole number of at least 0, not "-1"'],
    [{ MEDIA_MAX_INPUT_PIXELS: 'many' }, 'MEDIA_MAX_INPUT_PIXELS must be a whole number of at least 1, not "many"'],
  ])('%j: %s', ([env, message]) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes the documented defaults and a queue of 0', () => {
    const config = loadConfig({ MEDIA_RENDER_QUEUE: '0' });
    expect([config.mediaTransforms, config.mediaRenderQueue, config.mediaMaxInputPixels]).toEqual([
      'any',
      0,
      50_000_000,
    ]);
    expect(config.mediaRenders).toBeGreaterThanOrEqual(1);
  });

  it.for<[unknown, string]>([
    [{ hero: 'zoom=x:1' }, ": imagePresets.hero: Unknown image task 'zoom'"],
    [{ hero: 'resize=width:9000' }, ": imagePresets.hero: Invalid option 'width' for task 'resize'"],
    [{ Hero: 'flip' }, ': imagePresets: preset name "Hero" must be lowercase letters, digits, _ or - (at most 64)'],
    [{ thumbnail: 'flip' }, ': imagePresets.thumbnail: a built-in preset cannot be redefined'],
    [{ hero: '' }, ': imagePresets.hero must be a task string such as "resize=width:800/output=format:webp"'],
    [['flip'], ': imagePresets must be an object of preset names and task strings'],
  ])('PLANS_FILE imagePresets %j stops the start: %s', async ([presets, message]) => {
    const plans = plansFile({ imagePresets: presets });
    try {
      await expect(demoServer('sqlite', { config: { plansFile: plans.file } })).rejects.toThrow(
        `${plans.file}${message}`,
      );
    } finally {
      fs.rmSync(plans.dir, { recursive: true, force: true });
    }
  });
});
