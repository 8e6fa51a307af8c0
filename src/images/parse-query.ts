import { imageErrors } from '../errors/index.js';
import { emptyRequest, MAX_SIDE, type Fit, type ImageRequest, type OutputFormat } from './image-request.js';
import { own, wholeNumber } from './task-segment.js';

// The query form on a plain media URL: `?width=800&height=600&fit=cover&format=auto&quality=70&dpr=2`.
// Any other parameter (a cache buster such as `?v=2`, `sig`) is not the image's business: it
// neither fails nor makes a new derivative.

/** The query parameters that ask for a transformation (`preset` aside). */
export const IMAGE_QUERY_KEYS = ['width', 'height', 'fit', 'format', 'quality', 'dpr'] as const;

/** sharp's names of fits, as the query form takes them, and Ghee's own. */
const FITS: Record<string, Fit> = {
  cover: 'crop',
  contain: 'contain',
  inside: 'clip',
  outside: 'outside',
  fill: 'scale',
};
const FORMATS: Record<string, OutputFormat | 'auto'> = {
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  auto: 'auto',
};
const MAX_DPR = 3;

/** True when the query asks for a transformation beyond a preset. */
export function hasImageQuery(query: Readonly<Record<string, string>>): boolean {
  return IMAGE_QUERY_KEYS.some((key) => query[key] !== undefined);
}

/**
 * The query's request: a resize (width/height, fit default `inside`, each side times `dpr`), and
 * its output. Throws `Invalid option 'X' for task 'resize'` (width, height, fit, dpr) or `'output'`
 * (format, quality). `dpr` without a width or height changes nothing.
 */
export function parseImageQuery(query: Readonly<Record<string, string>>): ImageRequest {
  const request = emptyRequest();
  const read = <T>(key: string, task: string, parse: (v: string) => T | null | undefined): T | null => {
    const value = query[key];
    if (value === undefined) return null;
    const parsed = parse(value);
    if (parsed === null || parsed === undefined) throw imageErrors.invalidOption(key, task);
    return parsed;
  };
  const width = read('width', 'resize', (v) => wholeNumber(v, 1, MAX_SIDE));
  const height = read('height', 'resize', (v) => wholeNumber(v, 1, MAX_SIDE));
  const fit = read('fit', 'resize', (v) => own(FITS, v));
  const dpr = read('dpr', 'resize', (v) => (/^\d(\.\d{1,2})?$/.test(v) && +v >= 1 && +v <= MAX_DPR ? +v : null)) ?? 1;
  const scaled = (side: number | null) => {
    if (side === null) return null;
    const times = Math.round(side * dpr);
    // The side was in range, so only dpr took it past the limit.
    if (times > MAX_SIDE) throw imageErrors.invalidOption('dpr', 'resize');
    return times;
  };
  if (width !== null || height !== null) {
    request.ops.push({
      task: 'resize',
      width: scaled(width),
      height: scaled(height),
      fit: fit ?? 'clip',
      align: null,
    });
  } else if (fit !== null) {
    throw imageErrors.invalidOption('width', 'resize');
  }
  request.output.format = read('format', 'output', (v) => own(FORMATS, v));
  request.output.quality = read('quality', 'output', (v) => wholeNumber(v, 1, 100));
  return request;
}
