import { imageErrors } from '../errors/index.js';
import { cropRegion, planResize, rotatedSize, type Size } from './geometry.js';
import { MAX_SIDE, type ImageOp } from './image-request.js';

/**
 * Checks the ops against the input's size before any pixel is decoded: an explicit size over
 * MAX_SIDE, a crop outside the image (400s), and any intermediate image over `maxPixels` (a
 * rotation grows its bounding box). Returns the ops to run: these, plus a last scale-down to fit
 * MAX_SIDE when the result would be larger (a large original merely flipped, say).
 */
export function boundOps(ops: readonly ImageOp[], input: Size, maxPixels: number): ImageOp[] {
  let size = input;
  for (const op of ops) {
    if (op.task === 'crop') size = cropRegion(op, size);
    else if (op.task === 'resize') size = planResize(op, size, null).size;
    else if (op.task === 'rotate') size = rotatedSize(size, op.deg);
    if (size.width * size.height > maxPixels) throw imageErrors.tooManyPixels(size.width, size.height, maxPixels);
  }
  if (size.width <= MAX_SIDE && size.height <= MAX_SIDE) return [...ops];
  return [...ops, { task: 'resize', width: MAX_SIDE, height: MAX_SIDE, fit: 'max', align: null }];
}
