import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import type { MediaStore } from '../../src/media/media-store.js';
import { MEDIA_NAME } from '../../src/media/media-types.js';
import { openMediaStore, type MediaStoreConfig } from '../../src/media/open-media-store.js';
import { DIALECTS, type DialectUnderTest } from './databases.js';
import { freshBucket, type TestBucket } from './s3-bucket.js';

// The media suites run against both stores: the folder and an S3 bucket (on the run's s3rver).

/** Every media store Ghee has; `describe.each(MEDIA_STORES)` runs a suite on each. */
export const MEDIA_STORES = ['local', 's3'] as const;

export type MediaStoreKind = (typeof MEDIA_STORES)[number];

/** Every database with every store, for `describe.each` over server suites: `[dialect, store]`. */
export const DIALECT_STORES: [DialectUnderTest, MediaStoreKind][] = DIALECTS.flatMap((dialect) =>
  MEDIA_STORES.map((kind): [DialectUnderTest, MediaStoreKind] => [dialect, kind]),
);

/** The S3 store's key prefix in the tests (MEDIA_STORE=s3://<bucket>/media). */
export const S3_PREFIX = 'media';

/** What tests look at in a store beyond the MediaStore interface: its files as they lie. */
export interface MediaFiles {
  /** The stored originals' names (`<hash>.<ext>`), sorted. */
  names(): Promise<string[]>;
  /** The keys of an original's derivatives, sorted. */
  derived(name: string): Promise<string[]>;
  /** Temporary files of uploads under way (the folder's `.tmp-*`, the S3 store's spooled uploads). */
  temps(): string[];
}

/** A store's settings for a server's Config, what a test reads of its files, and its clean-up. */
export interface MediaSetup {
  config: Partial<Config>;
  files: MediaFiles;
  /** The S3 store's bucket (null for the folder). */
  bucket: TestBucket | null;
  close(): Promise<void>;
}

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `ghee-${name}-`));
const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/**
 * Settings of a new, empty store of `kind`: a temp folder, or a fresh bucket (or `bucket`, shared
 * with another server, which then stays after close) with its own spool folder.
 */
export async function mediaSetup(kind: MediaStoreKind, shared?: TestBucket): Promise<MediaSetup> {
  if (kind === 'local') {
    const mediaDir = tempDir('media');
    return {
      config: { mediaStore: { kind: 'local' }, mediaDir },
      files: {
        names: async () =>
          list(mediaDir)
            .filter((n) => MEDIA_NAME.test(n))
            .sort(),
        derived: async (name) => list(path.join(mediaDir, 'derived', name.slice(0, 64))).sort(),
        temps: () => list(mediaDir).filter((n) => n.startsWith('.tmp-')),
      },
      bucket: null,
      close: async () => fs.rmSync(mediaDir, { recursive: true, force: true }),
    };
  }
  const bucket = shared ?? (await freshBucket());
  const mediaSpoolDir = tempDir('spool');
  const under = (prefix: string) => async () =>
    (await bucket.keys(prefix)).map((k) => k.slice(prefix.length)).filter((k) => !k.includes('/'));
  return {
    config: {
      mediaStore: { kind: 's3', bucket: bucket.name, prefix: S3_PREFIX },
      mediaS3: bucket.settings,
      mediaSpoolDir,
    },
    files: {
      names: under(`${S3_PREFIX}/`),
      derived: (name) => under(`${S3_PREFIX}/derived/${name.slice(0, 64)}/`)(),
      temps: () => list(mediaSpoolDir),
    },
    bucket,
    close: async () => {
      fs.rmSync(mediaSpoolDir, { recursive: true, force: true });
      if (!shared) await bucket.drop();
    },
  };
}

/** A store of `kind` on its own (no server), and the settings it was opened from (PUBLIC_URL may be changed in them). */
export interface TestMediaStore extends MediaSetup {
  store: MediaStore;
  settings: MediaStoreConfig;
}

/** A new, empty store of `kind`, printing URLs under `publicUrl` (and MEDIA_PUBLIC_URL when given). */
export async function testMediaStore(
  kind: MediaStoreKind,
  urls: { publicUrl?: string; mediaPublicUrl?: string } = {},
): Promise<TestMediaStore> {
  const setup = await mediaSetup(kind);
  const settings: MediaStoreConfig = {
    mediaStore: { kind: 'local' },
    mediaDir: '/nonexistent',
    mediaS3: { endpoint: undefined, region: 'us-east-1', credentials: undefined, pathStyle: false, timeoutMs: 1 },
    mediaSpoolDir: os.tmpdir(),
    publicUrl: urls.publicUrl ?? 'http://ghee.test',
    mediaPublicUrl: urls.mediaPublicUrl,
    ...setup.config,
  };
  return { ...setup, store: openMediaStore(settings), settings };
}
