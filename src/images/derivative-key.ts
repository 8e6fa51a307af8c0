import { createHash } from 'node:crypto';
import type { FocalPoint } from '../shared/media.js';
import type { ImageOp } from './image-request.js';
import type { ResolvedOutput } from './output-format.js';

/** Bumped when the same request would render differently, so old derivatives are not served for new ones. */
const RENDERER_VERSION = 1;

/**
 * The name a derivative is stored and served under (its ETag too): `<sha256>.<ext>` of the
 * original's name, the ops in order with every default filled in, the focal point when a crop
 * uses it, and the resolved output. Equal requests, however spelled, get equal keys; a changed
 * focal point gets a new one.
 */
export function derivativeKey(
  original: string,
  ops: readonly ImageOp[],
  focal: FocalPoint | null,
  output: ResolvedOutput,
): string {
  const { format, quality, compress, progressive } = output;
  const point = focal && { x: round(focal.x), y: round(focal.y) };
  const text = canonical([RENDERER_VERSION, original, ops, point, { format, quality, compress, progressive }]);
  return `${createHash('sha256').update(text).digest('hex')}.${format}`;
}

/** JSON with object keys sorted, so the order fields were written in never changes the key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Four decimals: a focal point is a click on a thumbnail, and more digits would only split the cache. */
function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
