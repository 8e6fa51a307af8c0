import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { fetchMedia, type FetchOptions } from '../../src/media/fetch-media.js';
import { MediaError } from '../../src/media/media-error.js';
import { LocalMediaStore } from '../../src/media/local-media-store.js';
import { typeOfName } from '../../src/media/media-types.js';
import { startSampleOrigin, type SampleOrigin } from './media-sample-origin.js';

// What the download suites share (docs/api.md §4 and §8): the sample origin, a scratch library,
// and the exact texts a refused download fails with.

export const DOWNLOAD_TEXT = {
  private: 'Downloads from private or loopback addresses are not allowed',
  type: 'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3',
  timeout: 'Download timed out',
  redirects: 'Could not download the file: too many redirects',
};

export const LOCAL: FetchOptions = { allowPrivate: true, maxBytes: 1000, timeoutMs: 5000 };
export const PUBLIC_ONLY: FetchOptions = { ...LOCAL, allowPrivate: false };

/** A new empty folder under the system temp folder. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-media-'));
}

export interface Downloads {
  /** The sample origin; its request log is emptied before each test. */
  origin: SampleOrigin;
  /** A download's bytes and type, as fetchMedia left them in the scratch library. */
  fetched(url: string, opts: FetchOptions): Promise<{ bytes: Buffer; mime: string; ext: string }>;
  /** The MediaError message a download fails with (and fails if it does not). */
  failure(url: string, opts: FetchOptions): Promise<string>;
}

/** Registers the hooks that start the sample origin and a scratch library for the enclosing suite. */
export function useDownloads(): Downloads {
  let scratchDir: string;
  let scratch: LocalMediaStore;
  const downloads: Downloads = {
    origin: undefined as unknown as SampleOrigin,
    async fetched(url, opts) {
      const saved = await fetchMedia(url, scratch, opts);
      return { bytes: (await scratch.read(saved.name))!, ...typeOfName(saved.name)! };
    },
    async failure(url, opts) {
      const error = await fetchMedia(url, scratch, opts).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MediaError);
      return (error as MediaError).message;
    },
  };
  beforeAll(async () => {
    downloads.origin = await startSampleOrigin();
    scratchDir = tempDir();
    scratch = new LocalMediaStore(scratchDir, 'http://ghee.test');
  });
  afterAll(async () => {
    await downloads.origin?.close();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    downloads.origin.requests.length = 0;
  });
  return downloads;
}
