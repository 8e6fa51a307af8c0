import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { MediaStore } from '../media/media-store.js';
import type { Database } from '../store/tables.js';
import { FocalPoints } from './focal-points.js';
import { loadImagePresets } from './image-presets.js';
import { ImageService } from './image-service.js';

/** The server's image service, from its configuration; a bad preset in PLANS_FILE stops the start here. */
export function createImageService(config: Config, db: Kysely<Database>, media: MediaStore): ImageService {
  return new ImageService({
    store: media,
    focalPoints: new FocalPoints(db, config.mediaFocalTtlMs),
    presets: loadImagePresets(config.plansFile),
    mode: config.mediaTransforms,
    signingSecret: config.mediaSigningSecret,
    renders: config.mediaRenders,
    renderQueue: config.mediaRenderQueue,
    maxInputPixels: config.mediaMaxInputPixels,
  });
}
