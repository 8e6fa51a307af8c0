import type { ImageOp } from './image-request.js';

// sharp runs one pipeline's operations in a fixed order of its own, whatever order they were
// called in. Tasks apply in the URL's order, so they are cut into stages whose order is sharp's:
// a stage is either a frame (crop, then resize) or an orientation (flip, flop, then rotate),
// followed by filters (monochrome, then blur, then sharpen), each at most once. A task that cannot
// join the current stage starts the next one, which reads the previous stage's pixels.

/** The part of a stage a task belongs to, and its place within that part. */
const PLACE: Record<ImageOp['task'], { part: 'frame' | 'orient' | 'filter'; rank: number }> = {
  crop: { part: 'frame', rank: 0 },
  resize: { part: 'frame', rank: 1 },
  flip: { part: 'orient', rank: 0 },
  flop: { part: 'orient', rank: 1 },
  rotate: { part: 'orient', rank: 2 },
  monochrome: { part: 'filter', rank: 0 },
  blur: { part: 'filter', rank: 1 },
  sharpen: { part: 'filter', rank: 2 },
};

/** The ops cut into stages, in order; sharp can run each stage as one pipeline. */
export function renderStages(ops: readonly ImageOp[]): ImageOp[][] {
  const stages: ImageOp[][] = [];
  let current: ImageOp[] = [];
  let geometry: 'frame' | 'orient' | null = null;
  let geometryRank = -1;
  let filterRank = -1;
  for (const op of ops) {
    const { part, rank } = PLACE[op.task];
    const fits =
      part === 'filter'
        ? rank > filterRank
        : filterRank === -1 && (geometry === null || (geometry === part && rank > geometryRank));
    if (!fits) {
      stages.push(current);
      [current, geometry, geometryRank, filterRank] = [[], null, -1, -1];
    }
    current.push(op);
    if (part === 'filter') filterRank = rank;
    else [geometry, geometryRank] = [part, rank];
  }
  if (current.length) stages.push(current);
  return stages;
}
