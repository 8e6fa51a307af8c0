import type { Sharp } from 'sharp';
import type { FocalPoint } from '../shared/media.js';
import { cropRegion, focalInRegion, focalRotated, planResize, type Region, type Size } from './geometry.js';
import type { ImageOp, OutputFormat } from './image-request.js';

/** Rec. 709 luma weights: monochrome by recombination keeps the alpha channel, which greyscale() drops from raw pixels. */
const LUMA: [number, number, number] = [0.2126, 0.7152, 0.0722];

/** What a stage needs to know beyond its ops. */
export interface StageContext {
  /** The stage's input size, exactly (the original's, oriented, or the previous stage's output). */
  size: Size;
  /** Where the focal point is in that input, or null without one. */
  focal: FocalPoint | null;
  format: OutputFormat;
  /** The last stage writes the encoded file; others hand raw pixels on. */
  last: boolean;
}

/**
 * Adds one stage's ops (render-stages.ts) to `image`, computing every region from the stage's
 * actual input size, and returns where the focal point ends up. A crop and the region a resize
 * keeps are one extract.
 */
export function applyStage(image: Sharp, ops: readonly ImageOp[], context: StageContext): FocalPoint | null {
  let { size, focal } = context;
  let region: Region | null = null;
  const keep = (cut: Region) => {
    focal = focal && focalInRegion(focal, size, cut);
    region = region ? { ...cut, left: region.left + cut.left, top: region.top + cut.top } : cut;
    size = { width: cut.width, height: cut.height };
  };
  for (const op of ops) {
    switch (op.task) {
      case 'crop':
        keep(cropRegion(op, size));
        break;
      case 'resize': {
        const plan = planResize(op, size, focal);
        if (plan.region) keep(plan.region);
        if (region) image.extract(region);
        const transparent = context.format === 'jpg' ? '#ffffff' : { r: 0, g: 0, b: 0, alpha: 0 };
        image.resize(plan.size.width, plan.size.height, {
          fit: plan.mode === 'fill' ? 'fill' : plan.mode === 'contain' ? 'contain' : 'cover',
          ...(plan.mode === 'attention' && { position: 'attention' }),
          ...(plan.mode === 'contain' && { background: transparent }),
        });
        if (focal && plan.mode === 'contain') focal = focalContained(focal, size, plan.size);
        if (plan.mode === 'attention') focal = null;
        region = null;
        size = plan.size;
        break;
      }
      case 'flip':
        image.flip();
        focal = focal && { x: focal.x, y: 1 - focal.y };
        break;
      case 'flop':
        image.flop();
        focal = focal && { x: 1 - focal.x, y: focal.y };
        break;
      case 'rotate':
        image.rotate(op.deg, { background: op.background });
        focal = focal && focalRotated(focal, size, op.deg);
        break;
      case 'monochrome':
        // Written as greyscale where the format has it (JPEG, PNG): a third of the bytes.
        if (context.last) image.greyscale().toColourspace('b-w');
        else image.recomb([LUMA, LUMA, LUMA]);
        break;
      case 'blur':
        // Filestack's amount as the Gaussian's sigma, in pixels.
        image.blur(op.amount);
        break;
      case 'sharpen':
        image.sharpen({ sigma: op.amount / 2 });
        break;
    }
  }
  // A crop with no resize after it in this stage.
  if (region) image.extract(region);
  return focal;
}

/** Where the focal point lands once the image is scaled inside `box` and centred on its padding. */
function focalContained(focal: FocalPoint, input: Size, box: Size): FocalPoint {
  const s = Math.min(box.width / input.width, box.height / input.height);
  const padX = (box.width - input.width * s) / 2;
  const padY = (box.height - input.height * s) / 2;
  return { x: (focal.x * input.width * s + padX) / box.width, y: (focal.y * input.height * s + padY) / box.height };
}
