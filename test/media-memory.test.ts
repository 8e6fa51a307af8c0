import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { withSchema } from './helpers/content.js';
import { heldGrowthWhile } from './helpers/held-memory.js';
import { startMediaOrigin, type MediaOrigin } from './helpers/media-origin.js';
import { DIALECT_STORES } from './helpers/media-stores.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Media downloads stream to a temporary file (in the media folder, or the S3 store's spool
// folder), hashed on the way, and are then moved under their hash (or sent to the bucket): a write
// downloading several large files holds a few chunks in memory, not the files; a download that
// fails leaves no temporary file behind.

const MB = 1024 * 1024;
const FILE_BYTES = 40 * MB;

describe.each(DIALECT_STORES)('media downloads stream to disk (%s, %s store)', (dialect, media) => {
  let s: TestServer;
  let origin: MediaOrigin;

  beforeAll(async () => {
    s = await demoServer(dialect, { media, config: { mediaMaxBytes: 48 * MB, mediaFetchTimeoutMs: 60_000 } });
    origin = await startMediaOrigin();
    const doc = await exportSchema(s.store.db, s.demo.id);
    await withSchema(s.store, s.demo.id, {
      ...doc,
      collections: { ...doc.collections, pics: { name: 'Pictures', fields: { image: { type: 'media' } } } },
    });
  });
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });

  const temps = () => s.mediaFiles.temps();
  const writePics = (images: string[]) =>
    s.send('POST', '/v2/content/pics/', { status: 'published', fields: images.map((image) => ({ image })) });

  it(
    'downloads four 40 MB files at once holding under 40 MB more memory (the files: 160 MB)',
    { timeout: 120_000 },
    async () => {
      const images = Array.from({ length: 4 }, (_, i) => `${origin.base}/file.png?bytes=${FILE_BYTES + i}`);
      const { result: res, growth } = await heldGrowthWhile(() => writePics(images));
      expect(res.status).toBe(202);
      const growthMb = growth / MB;
      console.log(
        `[media-memory ${dialect}, ${media} store] 4 x 40 MB downloaded at once: peak growth of heap + buffers held ${growthMb.toFixed(1)} MB`,
      );
      // Held whole, the four bodies would be 160 MB at the end; streamed, a few chunks each (the
      // samples also catch chunks just freed whose memory V8 has not handed back yet).
      expect(growthMb).toBeLessThan(40);
      // Each file is in the library whole, under the hash of its bytes.
      const sizes: number[] = [];
      for (const name of await s.mediaFiles.names()) {
        const file = (await s.ctx.media.open(name))!;
        await file.close();
        sizes.push(file.size);
      }
      sizes.sort();
      expect(sizes).toEqual([FILE_BYTES, FILE_BYTES + 1, FILE_BYTES + 2, FILE_BYTES + 3]);
      expect(temps()).toEqual([]);
    },
  );

  it.for([
    ['without Content-Length', 'length=0'],
    ['with Content-Length', 'length=1'],
  ])('refuses a file over MEDIA_MAX_BYTES %s and leaves no temporary file', async ([, flag]) => {
    const res = await writePics([`${origin.base}/file.png?bytes=${49 * MB}&${flag}`]);
    expect(res).toMatchObject({ status: 400, body: { detail: { fields: { image: ['File is larger than 48 MB'] } } } });
    expect(temps()).toEqual([]);
  });

  it('removes the temporary file of a download cut off by its deadline', async () => {
    const slow = await demoServer(dialect, { media, config: { mediaFetchTimeoutMs: 300 } });
    try {
      const doc = await exportSchema(slow.store.db, slow.demo.id);
      await withSchema(slow.store, slow.demo.id, {
        ...doc,
        collections: { ...doc.collections, pics: { name: 'Pictures', fields: { image: { type: 'media' } } } },
      });
      // The body stops after its first bytes for 2 s: the 300 ms deadline cuts it off mid-body.
      const res = await slow.send('POST', '/v2/content/pics/', {
        status: 'published',
        fields: [{ image: `${origin.base}/file.png?bytes=${MB}&stall=2000` }],
      });
      expect(res).toMatchObject({ status: 400, body: { detail: { fields: { image: ['Download timed out'] } } } });
      for (let i = 0; i < 50 && slow.mediaFiles.temps().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(slow.mediaFiles.temps()).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});
