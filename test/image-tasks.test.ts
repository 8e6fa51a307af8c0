import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { alphaPng, exifRotatedJpeg, fetchImage, meanColour, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The task form of media URLs (docs/api.md §11): every task against the size and format it makes
// of a 2000 x 1500 JPEG (left half red, right half blue), a PNG with alpha and an EXIF-rotated JPEG.

/** Tasks, then the expected format and size (a rotation's bounding box within a pixel or two). */
const SIZES: [string, string, number, number][] = [
  ['resize=width:800', 'jpeg', 800, 600],
  ['resize=height:300', 'jpeg', 400, 300],
  ['resize=width:800,height:800', 'jpeg', 800, 600],
  ['resize=width:800,height:800,fit:clip', 'jpeg', 800, 600],
  ['resize=width:800,height:800,fit:crop', 'jpeg', 800, 800],
  ['resize=width:800,height:800,fit:scale', 'jpeg', 800, 800],
  ['resize=width:4000,height:4000,fit:max', 'jpeg', 2000, 1500],
  ['resize=width:3000,fit:max', 'jpeg', 2000, 1500],
  ['resize=width:2400', 'jpeg', 2400, 1800],
  ['resize=w:400,h:100,f:crop,a:top', 'jpeg', 400, 100],
  ['resize=width:400,height:400,fit:crop,align:%5Btop,left%5D', 'jpeg', 400, 400],
  ['resize=width:400,height:400,fit:crop,align:bottom_right', 'jpeg', 400, 400],
  ['resize=width:400,height:300,fit:crop,align:faces', 'jpeg', 400, 300],
  ['crop=dim:[100,100,300,200]', 'jpeg', 300, 200],
  ['crop=dim:%5B1900,1400,500,500%5D', 'jpeg', 100, 100],
  ['rotate=deg:90', 'jpeg', 1500, 2000],
  ['rotate=deg:270', 'jpeg', 1500, 2000],
  ['rotate=deg:180', 'jpeg', 2000, 1500],
  ['rotate=deg:45,background:black', 'jpeg', 2475, 2475],
  ['rotate=deg:exif/resize=width:100', 'jpeg', 100, 75],
  ['flip/resize=width:100', 'jpeg', 100, 75],
  ['flop/resize=width:100', 'jpeg', 100, 75],
  ['blur=amount:5/resize=width:100', 'jpeg', 100, 75],
  ['resize=width:100/blur', 'jpeg', 100, 75],
  ['resize=width:100/sharpen=amount:3', 'jpeg', 100, 75],
  ['resize=width:100/output=format:webp', 'webp', 100, 75],
  ['resize=width:100/output=format:png', 'png', 100, 75],
  ['resize=width:100/output=format:avif', 'heif', 100, 75],
  ['resize=width:100/output=format:jpeg,quality:50,compress:true', 'jpeg', 100, 75],
  ['resize=width:100/quality=value:30/compress/no_metadata', 'jpeg', 100, 75],
  ['resize=width:400/rotate=deg:90', 'jpeg', 300, 400],
  ['rotate=deg:90/resize=width:300', 'jpeg', 300, 400],
  ['crop=dim:[0,0,1000,1500]/resize=width:100', 'jpeg', 100, 150],
  ['resize=width:200/crop=dim:[10,10,50,60]/flip/flop/rotate=deg:90/monochrome/blur/sharpen/flip', 'jpeg', 60, 50],
];

describe.each(DIALECTS)('image tasks (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  let alpha: string;
  let exif: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
    alpha = await storeFile(s, await alphaPng(400, 300), 'png', 'image/png');
    exif = await storeFile(s, await exifRotatedJpeg(), 'jpg', 'image/jpeg');
  });
  afterAll(async () => s?.close());

  it.for(SIZES)('%s gives %s %i x %i', async ([tasks, format, width, height]) => {
    const r = await fetchImage(s, `/media/${tasks}/${photo}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.image!.format).toBe(format);
    if (tasks.includes('deg:45')) {
      expect(Math.abs(r.image!.width - width)).toBeLessThanOrEqual(2);
      expect(Math.abs(r.image!.height - height)).toBeLessThanOrEqual(2);
    } else {
      expect([r.image!.width, r.image!.height]).toEqual([width, height]);
    }
  });

  it.for<[string, number[]]>([
    ['crop=dim:[0,0,100,100]', [255, 0, 0]],
    ['flop/crop=dim:[0,0,100,100]', [0, 0, 255]],
    ['crop=dim:[0,0,100,100]/flop', [255, 0, 0]],
    ['rotate=deg:180/crop=dim:[0,0,100,100]', [0, 0, 255]],
    ['rotate=deg:90/crop=dim:[0,0,100,100]', [255, 0, 0]],
    ['rotate=deg:90/crop=dim:[0,1900,100,100]', [0, 0, 255]],
    ['resize=width:100,height:300,fit:crop,align:left', [255, 0, 0]],
    ['resize=width:100,height:300,fit:crop,align:right', [0, 0, 255]],
    ['resize=width:100,height:300,fit:crop', [128, 0, 128]],
  ])('%s keeps the expected side (mean colour %j)', async ([tasks, colour]) => {
    const r = await fetchImage(s, `/media/${tasks}/${photo}`);
    expect(r.status).toBe(200);
    const mean = await meanColour(r.bytes);
    mean.forEach((c, i) => expect(Math.abs(c - colour[i]!)).toBeLessThan(20));
  });

  it('monochrome makes a greyscale JPEG', async () => {
    const r = await fetchImage(s, `/media/resize=width:100/monochrome/${photo}`);
    expect(r.image).toMatchObject({ format: 'jpeg', channels: 1 });
  });

  it('a lower quality makes fewer bytes, and pjpg a progressive JPEG', async () => {
    const high = await fetchImage(s, `/media/resize=width:600/quality=value:95/${photo}`);
    const low = await fetchImage(s, `/media/resize=width:600/quality=value:20/${photo}`);
    expect(low.bytes.length).toBeLessThan(high.bytes.length);
    const progressive = await fetchImage(s, `/media/resize=width:600/output=format:pjpg/${photo}`);
    expect((await sharp(progressive.bytes).metadata()).isProgressive).toBe(true);
  });

  it('keeps the alpha channel of a PNG, and flattens it onto white in a JPEG', async () => {
    const png = await fetchImage(s, `/media/resize=width:200/${alpha}`);
    expect(png.image).toMatchObject({ format: 'png', width: 200, height: 150, hasAlpha: true });
    const jpg = await fetchImage(s, `/media/resize=width:200/output=format:jpg/${alpha}`);
    expect(jpg.image).toMatchObject({ format: 'jpeg', hasAlpha: false });
    const [r, g, b] = await meanColour(jpg.bytes);
    // 50% green (0, 128, 0) over white.
    expect([Math.abs(r! - 128) < 6, Math.abs(g! - 192) < 6, Math.abs(b! - 128) < 6]).toEqual([true, true, true]);
  });

  it('applies EXIF orientation first, and strips the metadata', async () => {
    const r = await fetchImage(s, `/media/resize=width:50/${exif}`);
    expect(r.image).toMatchObject({ width: 50, height: 100 });
    const meta = await sharp(r.bytes).metadata();
    expect([meta.orientation, meta.exif, meta.icc]).toEqual([undefined, undefined, undefined]);
    const crop = await fetchImage(s, `/media/crop=dim:[0,0,100,150]/${exif}`);
    expect(crop.image).toMatchObject({ width: 100, height: 150 });
  });

  it('serves the original untouched when there is no task, and a labelled URL takes tasks too', async () => {
    const original = await fetchImage(s, `/media/${exif}`);
    expect(original.bytes).toEqual(await exifRotatedJpeg());
    const hash = photo.slice(0, 64);
    const labelled = await fetchImage(s, `/media/resize=width:100/${hash}/holiday-photo.jpg`);
    expect(labelled.image).toMatchObject({ width: 100, height: 75 });
  });

  it('a task that changes nothing (rotate=deg:0) serves the original', async () => {
    const r = await fetchImage(s, `/media/rotate=deg:0/${exif}`);
    expect(r.bytes).toEqual(await exifRotatedJpeg());
  });
});
