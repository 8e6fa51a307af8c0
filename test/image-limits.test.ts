import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImage } from '../src/images/render-image.js';
import { resolveOutput } from '../src/images/output-format.js';
import { DIALECTS } from './helpers/databases.js';
import { fetchImage, pngBomb, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// What bounds the image service's work (docs/api.md §11): the input pixel limit (decompression
// bombs), the 4096 px output limit, animated and vector inputs, and the render pool, whose full
// queue answers 503 while the rest of the server keeps answering.

const BOMB_DETAIL = 'Image too large to transform: 20000 x 20000 pixels, more than 50000000 (MEDIA_MAX_INPUT_PIXELS)';

/** Waits, turn by turn of the event loop, until `condition` holds (no clock involved). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe.each(DIALECTS)('image limits (%s)', (dialect) => {
  let s: TestServer;
  let bomb: string;
  let wide: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    bomb = await storeFile(s, pngBomb(20000, 20000), 'png', 'image/png');
    const strip = { width: 5000, height: 200, channels: 3, background: '#336699' } as const;
    wide = await storeFile(s, await sharp({ create: strip }).png().toBuffer(), 'png', 'image/png');
  });
  afterAll(async () => s?.close());

  it.for([
    ['tasks', (f: string) => `/media/resize=width:100/${f}`],
    ['a query', (f: string) => `/media/${f}?width=100`],
    ['a preset', (f: string) => `/media/${f}?preset=thumbnail`],
  ] as const)('a 20000 x 20000 PNG bomb is 400 with %s, and no render', async ([, url]) => {
    const before = s.ctx.images.renders;
    const r = await fetchImage(s, url(bomb));
    expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { detail: BOMB_DETAIL } });
    expect(s.ctx.images.renders).toBe(before);
  });

  it('an image that would pass 4096 px is scaled down to fit; asking for more is a 400', async () => {
    for (const url of [`/media/flip/${wide}`, `/media/${wide}?format=webp`]) {
      const r = await fetchImage(s, url);
      expect([r.image!.width, r.image!.height]).toEqual([4096, 164]);
    }
    const r = await fetchImage(s, `/media/resize=height:200/${wide}`);
    expect(r.json).toEqual({ detail: "Invalid option 'height' for task 'resize'" });
  });

  it('an animated GIF or WebP gives its first frame', async () => {
    const colours = ['#ff0000', '#0000ff', '#00ff00'];
    const frames = await Promise.all(
      colours.map((c) =>
        sharp({ create: { width: 30, height: 20, channels: 3, background: c } })
          .png()
          .toBuffer(),
      ),
    );
    for (const [ext, mime] of [
      ['gif', 'image/gif'],
      ['webp', 'image/webp'],
    ] as const) {
      const joined = sharp(frames, { join: { animated: true } });
      const animated = await (ext === 'gif' ? joined.gif() : joined.webp()).toBuffer();
      const name = await storeFile(s, animated, ext, mime);
      const r = await fetchImage(s, `/media/resize=width:15/${name}`);
      expect([r.image!.format, r.image!.width, r.image!.height]).toEqual([ext === 'gif' ? 'png' : 'webp', 15, 10]);
      const { channels } = await sharp(r.bytes).stats();
      expect([channels[0]!.mean > 200, channels[2]!.mean < 50]).toEqual([true, true]);
    }
  });
});

describe.each(DIALECTS)('a lower pixel limit (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaMaxInputPixels: 3_500_000 } });
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
  });
  afterAll(async () => s?.close());

  it('holds for what a rotation grows to, not only for the input', async () => {
    expect((await fetchImage(s, `/media/rotate=deg:90/${photo}`)).status).toBe(200);
    const r = await fetchImage(s, `/media/rotate=deg:45/${photo}`);
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(/^Image too large to transform: 247\d x 247\d pixels, more than 3500000/);
  });
});

describe.each(DIALECTS)('the render pool, full (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { mediaRenders: 1, mediaRenderQueue: 1 } });
    const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000', noise } })
      .jpeg()
      .toBuffer();
    photo = await storeFile(s, big, 'jpg', 'image/jpeg');
  });
  afterAll(async () => s?.close());

  it('one renders, one waits, the next is 503 with Retry-After; /healthz answers meanwhile', async () => {
    const { pool } = s.ctx.images;
    const slow = `/media/blur=amount:20/output=format:webp/${photo}`;
    const first = fetchImage(s, slow);
    await until(() => pool.running === 1);
    const second = fetchImage(s, `/media/${photo}?width=100`);
    await until(() => pool.queued === 1);
    const third = await fetchImage(s, `/media/${photo}?width=200`);
    expect({ status: third.status, body: third.json }).toEqual({
      status: 503,
      body: { detail: 'Too many images are being rendered right now. Please try again in a few seconds.' },
    });
    expect(third.headers['retry-after']).toBe('2');
    const health = await s.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect([pool.running, pool.queued]).toEqual([1, 1]);
    expect((await first).status).toBe(200);
    expect((await second).image!.width).toBe(100);
    expect((await fetchImage(s, `/media/${photo}?width=200`)).image!.width).toBe(200);
  }, 60_000);
});

describe('SVG input (renderImage, without HTTP)', () => {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="50" height="50" fill="red"/></svg>',
  );
  const output = resolveOutput({ format: null, quality: null, compress: false, progressive: false }, 'svg', undefined);

  it('is rasterised as PNG at the density its resize needs', async () => {
    const ops = [{ task: 'resize', width: 1000, height: null, fit: 'clip', align: null }] as const;
    const png = await renderImage({ bytes: svg, ops, focal: null, output, maxInputPixels: 50_000_000 });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1000, 500]);
    // Drawn at 10x, not enlarged from 100 px: the rectangle's edge is sharp.
    const { data } = await sharp(png)
      .extract({ left: 495, top: 250, width: 10, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBe(255);
    expect(data[data.length - 1]).toBe(0);
  });

  it('through /media: the file as it is without tasks, a PNG with them', async () => {
    const s = await demoServer(DIALECTS[0]!);
    try {
      const name = await storeFile(s, svg, 'svg', 'image/svg+xml');
      const original = await fetchImage(s, `/media/${name}`);
      expect([original.headers['content-type'], original.bytes]).toEqual(['image/svg+xml', svg]);
      const r = await fetchImage(s, `/media/resize=width:400/${name}`);
      expect([r.headers['content-type'], r.image!.width, r.image!.height]).toEqual(['image/png', 400, 200]);
      expect(r.headers['content-security-policy']).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('bytes that are no image are Not an image', async () => {
    const bad = renderImage({ bytes: Buffer.from('<svg'), ops: [], focal: null, output, maxInputPixels: 1e6 });
    await expect(bad).rejects.toMatchObject({ detail: 'Not an image' });
  });
});
