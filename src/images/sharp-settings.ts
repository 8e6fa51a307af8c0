import os from 'node:os';
import sharp from 'sharp';

/**
 * sharp's process-wide settings for a server that runs at most `renders` renders at once.
 * - Its operation cache is off: each derivative is rendered once and then served from the store,
 *   so libvips' cache of recent operations would only hold memory (50 MB by default) for nothing.
 * - Its threads per render are the CPUs shared among the renders: parallelism comes from the
 *   render pool, and more libvips threads than cores would only make every render slower. One
 *   render alone on an idle server still uses them all when renders is 1.
 */
export function configureSharp(renders: number): void {
  sharp.cache(false);
  sharp.concurrency(Math.max(1, Math.floor(os.availableParallelism() / renders)));
}
