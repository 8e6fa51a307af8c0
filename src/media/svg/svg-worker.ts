import { prepareSanitizer, sanitizeSvg } from './sanitize-svg.js';
import type { SvgOutcome, SvgTask } from './svg-refusal.js';

/**
 * Sanitises one SVG file; the pool's worker threads (svg-pool.ts) run this file. A null task
 * only readies the thread (its window and DOMPurify), so that starting a thread, which takes
 * seconds on a loaded machine, is not counted in a file's time bound.
 */
export default function sanitizeSvgTask(task: SvgTask | null): SvgOutcome | null {
  if (task === null) {
    prepareSanitizer();
    return null;
  }
  try {
    return sanitizeSvg(task);
  } catch {
    // jsdom or DOMPurify gave up on this file (DOMPurify refuses to work in place on some trees):
    // the file is refused, nothing of it stored.
    return { refused: { reason: 'failed' } };
  }
}
