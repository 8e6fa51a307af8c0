import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allowedType } from '../src/media/sniff-type.js';
import { member } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { S3_PREFIX, testMediaStore, type TestMediaStore } from './helpers/media-stores.js';
import { PNG, HTML } from './helpers/media-samples.js';
import { freshBucket, type TestBucket } from './helpers/s3-bucket.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// The media library in an S3-compatible bucket (docs/deploy.md): laid out as the folder is, under
// MEDIA_STORE's prefix, whole objects only, and shared by every node on the bucket. The store's
// failures: test/s3-media-store-failures.test.ts.

const derivedKey = (seed: string) => `${createHash('sha256').update(seed).digest('hex')}.webp`;

async function* chunksOf(bytes: Buffer, failAfter?: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 1000) {
    if (failAfter !== undefined && at >= failAfter) throw new Error('the client went away');
    yield bytes.subarray(at, at + 1000);
  }
}

describe('the S3 store', () => {
  let library: TestMediaStore;
  let bucket: TestBucket;
  const big = Buffer.concat([PNG, Buffer.alloc(64 * 1024, 1)]);

  beforeAll(async () => {
    library = await testMediaStore('s3');
    bucket = library.bucket!;
  });
  afterAll(async () => {
    await library?.close();
  });
  beforeEach(async () => {
    for (const name of await library.files.names()) await library.store.remove(name);
  });

  it('stores an original once, at <prefix>/<hash>.<ext>, typed and cached as immutable', async () => {
    const saved = await library.store.save(PNG, 'png', 'image/png');
    expect(await library.store.save(PNG, 'png', 'image/png')).toEqual(saved);
    expect(await bucket.keys()).toEqual([`${S3_PREFIX}/${saved.name}`]);
    const head = await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: `media/${saved.name}` }));
    expect([head.ContentType, head.CacheControl, head.ContentLength]).toEqual([
      'image/png',
      'public, max-age=31536000, immutable',
      PNG.length,
    ]);
    expect(await library.store.read(saved.name)).toEqual(PNG);
  });

  it('streams an upload through a spooled file to the bucket, and keeps no spooled file', async () => {
    const saved = await library.store.saveStream(chunksOf(big), allowedType);
    expect(saved).toMatchObject({ size: big.length, mime: 'image/png' });
    expect(saved.hash).toBe(createHash('sha256').update(big).digest('hex'));
    expect(await bucket.keys()).toEqual([`media/${saved.name}`]);
    expect(library.files.temps()).toEqual([]);
    const opened = (await library.store.open(saved.name))!;
    expect([opened.hash, opened.mime, opened.size]).toEqual([saved.hash, 'image/png', big.length]);
    const parts: Buffer[] = [];
    for await (const chunk of opened.stream()) parts.push(chunk as Buffer);
    expect(Buffer.concat(parts)).toEqual(big);
  });

  it.for<[string, () => Promise<unknown>]>([
    ['refused by its type', () => library.store.saveStream(chunksOf(HTML), allowedType)],
    ['broken off mid-way', () => library.store.saveStream(chunksOf(big, 32 * 1024), allowedType)],
  ])('leaves nothing behind for a stream %s', async ([, save]) => {
    await expect(save()).rejects.toThrow();
    expect(await bucket.keys()).toEqual([]);
    expect(library.files.temps()).toEqual([]);
  });

  it('keeps derivatives under <prefix>/derived/<hash>/, once per key, and opens them', async () => {
    const { name, hash } = await library.store.save(PNG, 'png', 'image/png');
    const key = derivedKey('small');
    await library.store.saveDerived(name, key, Buffer.from('first'), 'image/webp');
    await library.store.saveDerived(name, key, Buffer.from('second'), 'image/webp');
    expect(await bucket.keys(`media/derived/`)).toEqual([`media/derived/${hash}/${key}`]);
    const opened = (await library.store.openDerived(name, key))!;
    expect([opened.hash, opened.mime, opened.size]).toEqual([key.slice(0, 64), 'image/webp', 5]);
    await opened.close();
    expect(await library.store.openDerived(name, derivedKey('never rendered'))).toBeNull();
  });

  it('removes a file with every derivative of it, and no other', async () => {
    const one = await library.store.save(PNG, 'png', 'image/png');
    const other = await library.store.save(big, 'png', 'image/png');
    for (const seed of ['a', 'b', 'c']) await library.store.saveDerived(one.name, derivedKey(seed), PNG, 'image/webp');
    await library.store.saveDerived(other.name, derivedKey('a'), PNG, 'image/webp');
    await library.store.remove(one.name);
    expect(await bucket.keys()).toEqual([`media/derived/${other.hash}/${derivedKey('a')}`, `media/${other.name}`]);
    expect([await library.store.has(one.name), await library.store.open(one.name)]).toEqual([false, null]);
    await library.store.remove(one.name);
  });

  it.for(['0'.repeat(64) + '.png', 'abc.png', '../x.png', 'derived', `${'0'.repeat(64)}.html`])(
    'answers for %s as for a file it does not hold',
    async (name) => {
      expect(await library.store.has(name)).toBe(false);
      expect(await library.store.open(name)).toBeNull();
      expect(await library.store.read(name)).toBeNull();
      await library.store.remove(name);
    },
  );
});

/** A raw-body upload through the dashboard's API; its answer's body. */
async function upload(s: TestServer, bytes: Buffer): Promise<{ status: number; body: any }> {
  const editor = await member(s.app, s.store, s.demo.id, 'editor');
  const res = await s.app.inject({
    method: 'POST',
    url: `/admin/api/accounts/${s.demo.id}/media`,
    payload: bytes,
    headers: {
      cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': editor.csrf,
      'content-type': 'application/octet-stream',
    },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

describe.each(DIALECTS)('two nodes on one bucket, no shared folder (%s)', (dialect) => {
  let bucket: TestBucket;
  let one: TestServer;
  let two: TestServer;

  beforeAll(async () => {
    bucket = await freshBucket();
    one = await demoServer(dialect, { media: 's3', bucket });
    two = await demoServer(dialect, { media: 's3', bucket });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await bucket?.drop();
  });

  it("serves the other node's upload, takes its URL as its own, and sees it removed", async () => {
    const up = await upload(one, PNG);
    expect(up.status).toBe(201);
    const { name, url } = up.body.data;
    const served = await two.app.inject({ method: 'GET', url: `/media/${name}` });
    expect([served.statusCode, served.headers['content-type']]).toEqual([200, 'image/png']);
    expect(served.rawPayload).toEqual(PNG);
    // ghee.test resolves nowhere: the write passes only because the URL needs no download.
    const brand = (await two.get('/v2/content/brands/')).body.data.brands[0].meta.id;
    expect((await two.send('PATCH', `/v2/content/brands/${brand}/`, { fields: { logo: url } })).status).toBe(202);
    expect((await two.get(`/v2/content/brands/${brand}/`)).body.data.logo).toBe(`${PUBLIC_URL}/media/${name}`);
    await one.ctx.media.remove(name);
    expect((await two.app.inject({ method: 'GET', url: `/media/${name}` })).statusCode).toBe(404);
  });
});
