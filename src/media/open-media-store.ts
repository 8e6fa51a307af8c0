import type { Config } from '../config.js';
import { LocalMediaStore } from './local-media-store.js';
import type { MediaStore } from './media-store.js';
import { createS3Client } from './s3-client.js';
import { S3MediaStore } from './s3-media-store.js';

/** The settings a media store is built from. */
export type MediaStoreConfig = Pick<
  Config,
  'mediaStore' | 'mediaDir' | 'mediaS3' | 'mediaSpoolDir' | 'publicUrl' | 'mediaPublicUrl'
>;

/**
 * The media store MEDIA_STORE names: the folder MEDIA_DIR, or an S3 bucket. Nothing is contacted
 * here: a store that cannot be reached fails the requests that need it (503), not the start-up.
 * PUBLIC_URL is read from `config` at each use, so a server that learns its address once
 * listening (port 0) prints the right URLs.
 */
export function openMediaStore(config: MediaStoreConfig): MediaStore {
  const publicUrl = () => config.publicUrl;
  const location = config.mediaStore;
  if (location.kind === 'local') return new LocalMediaStore(config.mediaDir, publicUrl, config.mediaPublicUrl);
  return new S3MediaStore(createS3Client(config.mediaS3), {
    bucket: location.bucket,
    prefix: location.prefix,
    publicUrl,
    mediaPublicUrl: config.mediaPublicUrl,
    spoolDir: config.mediaSpoolDir,
  });
}
