import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../src/media/ingest-media.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { LOCAL, PUBLIC_ONLY, tempDir, useDownloads } from './helpers/media-downloads.js';
import { HTML, PNG } from './helpers/media-samples.js';

// The media library (docs/api.md §4): content-addressed storage, one copy of the same bytes,
// its own URLs kept without a download, and only the types it serves.

describe('media store and ingestMedia', () => {
  const downloads = useDownloads();
  let dir: string;
  let store: LocalMediaStore;

  beforeEach(() => {
    dir = tempDir();
    store = new LocalMediaStore(dir, 'http://ghee.test');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a download under its hash and returns the value to store', async () => {
    const value = await ingestMedia(`${downloads.origin.url}/tiny.png`, store, LOCAL);
    expect(value).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    const name = value.slice('/media/'.length);
    expect(fs.readFileSync(path.join(dir, name))).toEqual(PNG);
  });

  it('stores the same bytes once, whatever URL they came from', async () => {
    const first = await ingestMedia(`${downloads.origin.url}/tiny.png`, store, LOCAL);
    const second = await ingestMedia(`${downloads.origin.url}/tiny-copy.png`, store, LOCAL);
    expect(second).toBe(first);
    expect(fs.readdirSync(dir)).toHaveLength(1);
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
    let base = 'http://before.test';
    const late = new LocalMediaStore(dir, () => base);
    base = 'http://after.test/';
    expect(late.urlFor('x.png')).toBe('http://after.test/media/x.png');
  });

  it.for<[string, Buffer, string, string]>([
    ['HTML as html', HTML, 'html', 'text/html'],
    ['a PNG as a JPEG', PNG, 'png', 'image/jpeg'],
  ])('refuses to store bytes under a type it does not serve: %s', async ([_label, bytes, ext, mime]) => {
    await expect(store.save(bytes, ext, mime)).rejects.toThrow();
  });
});
