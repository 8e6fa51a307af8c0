import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../src/media/ingest-media.js';
import type { MediaStore } from '../src/media/media-store.js';
import { LOCAL, PUBLIC_ONLY, useDownloads } from './helpers/media-downloads.js';
import { MEDIA_STORES, testMediaStore, type TestMediaStore } from './helpers/media-stores.js';
import { HTML, PNG } from './helpers/media-samples.js';

// The media library (docs/api.md §4): content-addressed storage, one copy of the same bytes,
// its own URLs kept without a download, and only the types it serves; in the folder and in an S3
// bucket alike.

describe.each(MEDIA_STORES)('media store and ingestMedia (%s store)', (kind) => {
  const downloads = useDownloads();
  let library: TestMediaStore;
  let store: MediaStore;

  beforeEach(async () => {
    library = await testMediaStore(kind);
    store = library.store;
  });
  afterEach(async () => {
    await library?.close();
  });

  it('stores a download under its hash and returns the value to store', async () => {
    const value = await ingestMedia(`${downloads.origin.url}/tiny.png`, store, LOCAL);
    expect(value).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    const name = value.slice('/media/'.length);
    expect(await library.files.names()).toEqual([name]);
    expect(await store.read(name)).toEqual(PNG);
  });

  it('stores the same bytes once, whatever URL they came from', async () => {
    const first = await ingestMedia(`${downloads.origin.url}/tiny.png`, store, LOCAL);
    const second = await ingestMedia(`${downloads.origin.url}/tiny-copy.png`, store, LOCAL);
    expect(second).toBe(first);
    expect(await library.files.names()).toHaveLength(1);
  });

  it('keeps one of its own URLs without downloading it again', async () => {
    const { origin } = downloads;
    const value = await ingestMedia(`${origin.url}/tiny.png`, store, LOCAL);
    const url = `http://ghee.test${value}`;
    origin.requests.length = 0;
    expect(await ingestMedia(url, store, PUBLIC_ONLY)).toBe(value);
    const hash = value.slice('/media/'.length, -'.png'.length);
    const tasked = `http://ghee.test/media/resize=width:40/${hash}/my-logo.png?x=1`;
    expect(await ingestMedia(tasked, store, PUBLIC_ONLY)).toBe(`/media/resize=width:40/${hash}/my-logo.png?x=1`);
    expect(origin.requests).toEqual([]);
    expect(store.isOwnUrl(url)).toBe(true);
    expect(store.isOwnUrl(`${origin.url}/tiny.png`)).toBe(false);
    expect(store.isOwnUrl('http://ghee.test/media/abc.png')).toBe(false);
  });

  it('refuses an own-looking URL of a file it does not have', async () => {
    const url = `http://ghee.test/media/${'0'.repeat(64)}.png`;
    await expect(ingestMedia(url, store, LOCAL)).rejects.toThrow(
      'Could not download the file: the file is not in the media library',
    );
  });

  it('reads its public URL when asked, for servers that learn it once listening', async () => {
    library.settings.publicUrl = 'http://after.test/';
    expect(store.urlFor('x.png')).toBe('http://after.test/media/x.png');
  });

  it.for<[string, Buffer, string, string]>([
    ['HTML as html', HTML, 'html', 'text/html'],
    ['a PNG as a JPEG', PNG, 'png', 'image/jpeg'],
  ])('refuses to store bytes under a type it does not serve: %s', async ([_label, bytes, ext, mime]) => {
    await expect(store.save(bytes, ext, mime)).rejects.toThrow();
  });
});
