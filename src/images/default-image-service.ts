import type { MediaStore } from '../media/media-store.js';
import { defaultRenders } from './image-config.js';
import { FocalPoints } from './focal-points.js';
import { parseImagePresets } from './image-presets.js';
import { ImageService } from './image-service.js';

/**
 * An image service with the documented defaults and no database (so no focal points): for an app
 * that serves a media store alone, as test/media-serving.test.ts builds one.
 */
export function defaultImageService(store: MediaStore): ImageService {
  return new ImageService({
    store,
    focalPoints: new FocalPoints(null, 0),
    presets: parseImagePresets(undefined, ''),
    mode: 'any',
    renders: defaultRenders(process.env),
    renderQueue: 32,
    maxInputPixels: 50_000_000,
  });
}
