import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { fetchImage, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// What the image service refuses in the task form, to the letter (docs/api.md §11): unknown
// tasks, bad options and values out of range, too many or too long tasks; and a file that is no
// image or is missing.

const TASK_ERRORS: [string, string][] = [
  ['nope', "Unknown image task 'nope'"],
  ['Resize=width:100', "Unknown image task 'Resize'"],
  ['resize=width:0', "Invalid option 'width' for task 'resize'"],
  ['resize=width:4097', "Invalid option 'width' for task 'resize'"],
  ['resize=width:-5', "Invalid option 'width' for task 'resize'"],
  ['resize=width:1.5', "Invalid option 'width' for task 'resize'"],
  ['resize=height:abc', "Invalid option 'height' for task 'resize'"],
  ['resize=fit:crop', "Invalid option 'width' for task 'resize'"],
  ['resize=', "Invalid option 'width' for task 'resize'"],
  ['resize=800', "Invalid option '800' for task 'resize'"],
  ['resize=width:100,width:200', "Invalid option 'width' for task 'resize'"],
  ['resize=width:100,w:200', "Invalid option 'w' for task 'resize'"],
  ['resize=width:100,fit:cover', "Invalid option 'fit' for task 'resize'"],
  ['resize=width:100,align:middle_top', "Invalid option 'align' for task 'resize'"],
  ['resize=width:100,align:[top,bottom]', "Invalid option 'align' for task 'resize'"],
  ['resize=width:100,align:constructor', "Invalid option 'align' for task 'resize'"],
  ['resize=width:100,foo:1', "Invalid option 'foo' for task 'resize'"],
  ['resize=width:', "Invalid option 'width' for task 'resize'"],
  ['crop=dim:[1,2,3]', "Invalid option 'dim' for task 'crop'"],
  ['crop=dim:[0,0,0,10]', "Invalid option 'dim' for task 'crop'"],
  ['crop=dim:[0,0,5000,10]', "Invalid option 'dim' for task 'crop'"],
  ['crop=dim:1,2,3,4', "Invalid option '2' for task 'crop'"],
  ['crop', "Invalid option 'dim' for task 'crop'"],
  ['crop=dim:[2000,0,10,10]', "Invalid option 'dim' for task 'crop'"],
  ['crop=dim:[0,1500,10,10]', "Invalid option 'dim' for task 'crop'"],
  ['rotate=deg:360', "Invalid option 'deg' for task 'rotate'"],
  ['rotate', "Invalid option 'deg' for task 'rotate'"],
  ['rotate=deg:90,background:puce', "Invalid option 'background' for task 'rotate'"],
  ['rotate=deg:constructor', "Invalid option 'deg' for task 'rotate'"],
  ['blur=amount:21', "Invalid option 'amount' for task 'blur'"],
  ['blur=amount:0', "Invalid option 'amount' for task 'blur'"],
  ['sharpen=amount:x', "Invalid option 'amount' for task 'sharpen'"],
  ['sharpen=sigma:2', "Invalid option 'sigma' for task 'sharpen'"],
  ['flip=x:1', "Invalid option 'x' for task 'flip'"],
  ['monochrome=amount:1', "Invalid option 'amount' for task 'monochrome'"],
  ['output=format:gif', "Invalid option 'format' for task 'output'"],
  ['output=format:constructor', "Invalid option 'format' for task 'output'"],
  ['output=quality:101', "Invalid option 'quality' for task 'output'"],
  ['output=compress:yes', "Invalid option 'compress' for task 'output'"],
  ['output=density:300', "Invalid option 'density' for task 'output'"],
  ['quality=value:0', "Invalid option 'value' for task 'quality'"],
  ['quality', "Invalid option 'value' for task 'quality'"],
  ['compress=metadata:true', "Invalid option 'metadata' for task 'compress'"],
  ['resize=width:100/nope', "Unknown image task 'nope'"],
  ['resize=width:100,fit:outside', "Invalid option 'fit' for task 'resize'"],
  ['resize=height:3100', "Invalid option 'height' for task 'resize'"],
  ['resize=width:4000/resize=height:4000', "Invalid option 'height' for task 'resize'"],
  [`resize=width:100,fit:${'x'.repeat(300)}`, 'Image task too long: at most 256 characters each'],
  [Array.from({ length: 17 }, () => 'flip').join('/'), 'Too many image tasks: at most 16'],
];

describe.each(DIALECTS)('image task errors (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  let pdf: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
    pdf = await storeFile(
      s,
      Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'pdf',
      'application/pdf',
    );
  });
  afterAll(async () => s?.close());

  it.for(TASK_ERRORS)('/media/%s/<photo> is 400 %j', async ([tasks, detail]) => {
    const r = await fetchImage(s, `/media/${tasks}/${photo}`);
    expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { detail } });
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('16 tasks are fine', async () => {
    const tasks = ['resize=width:100', ...Array.from({ length: 15 }, () => 'flip')].join('/');
    expect((await fetchImage(s, `/media/${tasks}/${photo}`)).image).toMatchObject({ width: 100, height: 75 });
  });

  it('tasks on a PDF are 400 Not an image; the PDF itself is served', async () => {
    const r = await fetchImage(s, `/media/resize=width:100/${pdf}`);
    expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { detail: 'Not an image' } });
    const q = await fetchImage(s, `/media/${pdf}?width=100`);
    expect({ status: q.status, body: q.json }).toEqual({ status: 400, body: { detail: 'Not an image' } });
    expect((await fetchImage(s, `/media/${pdf}`)).status).toBe(200);
  });

  it('a corrupt image is 400 Not an image', async () => {
    const noise = { type: 'gaussian', mean: 128, sigma: 30 } as const;
    const good = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000', noise } })
      .jpeg()
      .toBuffer();
    const broken = await storeFile(s, good.subarray(0, good.length / 2), 'jpg', 'image/jpeg');
    const r = await fetchImage(s, `/media/resize=width:100/${broken}`);
    expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { detail: 'Not an image' } });
    const text = await storeFile(s, Buffer.from('not a png at all'), 'png', 'image/png');
    const t = await fetchImage(s, `/media/${text}?width=10`);
    expect({ status: t.status, body: t.json }).toEqual({ status: 400, body: { detail: 'Not an image' } });
  });

  it.for<[string, string]>([
    ['a missing image', `/media/resize=width:100/${'0'.repeat(64)}.jpg`],
    ['a missing image, by query', `/media/${'0'.repeat(64)}.png?width=100`],
    ['a missing PDF', `/media/resize=width:100/${'0'.repeat(64)}.pdf`],
    ['an empty task', `/media/resize=width:100//${'0'.repeat(64)}.jpg`],
    ['a path that names no file', '/media/resize=width:100/nothing.jpg'],
  ])('%s is 404 Not found', async ([, url]) => {
    const r = await fetchImage(s, url);
    expect({ status: r.status, body: r.json }).toEqual({ status: 404, body: { detail: 'Not found' } });
  });
});
