import { imageErrors } from '../errors/index.js';
import type { FocalPoint } from '../shared/media.js';
import { MAX_SIDE, type Align, type CropOp, type ResizeOp } from './image-request.js';

// The arithmetic of the geometric tasks, in pixels: what each makes of a size, which region of its
// input it keeps, and where the focal point goes, so later crops still keep it in frame.

export interface Size {
  width: number;
  height: number;
}

export interface Region extends Size {
  left: number;
  top: number;
}

/** How a resize is carried out: cut `region` of the input (null: all of it), then scale to `size`. */
export interface ResizePlan {
  region: Region | null;
  size: Size;
  /** fill: exactly `size`; contain: inside it, padded; attention: sharp chooses the cut. */
  mode: 'fill' | 'contain' | 'attention';
}

const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

/** The region of a crop task; a start outside the image is a 400, a size past its edge is cut there. */
export function cropRegion(op: CropOp, input: Size): Region {
  if (op.x >= input.width || op.y >= input.height) throw imageErrors.invalidOption('dim', 'crop');
  return {
    left: op.x,
    top: op.y,
    width: Math.min(op.width, input.width - op.x),
    height: Math.min(op.height, input.height - op.y),
  };
}

/**
 * How a resize of `input` is done. One side alone keeps the aspect ratio whatever the fit; `max`
 * never enlarges; `crop` keeps the align's side, or the focal point, or the centre. An output side
 * over MAX_SIDE is a 400 naming the option that asked for it.
 */
export function planResize(op: ResizeOp, input: Size, focal: FocalPoint | null): ResizePlan {
  const { width: w, height: h } = input;
  const W = op.width;
  const H = op.height;
  let plan: ResizePlan;
  if (W === null || H === null) {
    let s = W !== null ? W / w : H! / h;
    if (op.fit === 'max') s = Math.min(s, 1);
    plan = { region: null, size: scaled(input, s), mode: 'fill' };
  } else if (op.fit === 'clip' || op.fit === 'max') {
    const s = Math.min(W / w, H / h, op.fit === 'max' ? 1 : Infinity);
    plan = { region: null, size: scaled(input, s), mode: 'fill' };
  } else if (op.fit === 'outside') {
    plan = { region: null, size: scaled(input, Math.max(W / w, H / h)), mode: 'fill' };
  } else if (op.fit === 'crop') {
    const mode = op.align === 'faces' ? 'attention' : 'fill';
    plan = {
      region: mode === 'fill' ? coverRegion(input, W, H, op.align, focal) : null,
      size: { width: W, height: H },
      mode,
    };
  } else {
    plan = { region: null, size: { width: W, height: H }, mode: op.fit === 'contain' ? 'contain' : 'fill' };
  }
  if (plan.size.width > MAX_SIDE || plan.size.height > MAX_SIDE) {
    const over = plan.size.width > MAX_SIDE ? 'width' : 'height';
    throw imageErrors.invalidOption(op[over] !== null ? over : over === 'width' ? 'height' : 'width', 'resize');
  }
  return plan;
}

function scaled({ width, height }: Size, s: number): Size {
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/** The largest region of W:H's aspect that fits the input, placed by align, else around the focal point. */
function coverRegion(input: Size, W: number, H: number, align: Align | null, focal: FocalPoint | null): Region {
  const s = Math.max(W / input.width, H / input.height);
  const width = Math.min(input.width, Math.max(1, Math.round(W / s)));
  const height = Math.min(input.height, Math.max(1, Math.round(H / s)));
  const at = align ? alignPoint(align) : (focal ?? CENTRE);
  const place = (point: number, side: number, span: number) =>
    Math.min(side - span, Math.max(0, Math.round(point * side - span / 2)));
  return { left: place(at.x, input.width, width), top: place(at.y, input.height, height), width, height };
}

/** An align as a point: a side or corner pulls the region all the way there (`faces` never gets here). */
function alignPoint(align: Align): FocalPoint {
  const x = align.endsWith('left') ? 0 : align.endsWith('right') ? 1 : 0.5;
  const y = align.startsWith('top') ? 0 : align.startsWith('bottom') ? 1 : 0.5;
  return { x, y };
}

/** The size after a clockwise rotation; at other than right angles the bounding box, rounded up. */
export function rotatedSize({ width, height }: Size, deg: number): Size {
  if (deg % 180 === 0) return { width, height };
  if (deg % 90 === 0) return { width: height, height: width };
  const t = (deg * Math.PI) / 180;
  const [c, s] = [Math.abs(Math.cos(t)), Math.abs(Math.sin(t))];
  return { width: Math.ceil(width * c + height * s) + 1, height: Math.ceil(width * s + height * c) + 1 };
}

/** Where the focal point lands in a region of the image (kept inside it). */
export function focalInRegion(focal: FocalPoint, input: Size, region: Region): FocalPoint {
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  return {
    x: clamp((focal.x * input.width - region.left) / region.width),
    y: clamp((focal.y * input.height - region.top) / region.height),
  };
}

/** Where the focal point lands after a clockwise rotation about the centre. */
export function focalRotated(focal: FocalPoint, input: Size, deg: number): FocalPoint {
  const t = (deg * Math.PI) / 180;
  const out = rotatedSize(input, deg);
  const px = focal.x * input.width - input.width / 2;
  const py = focal.y * input.height - input.height / 2;
  const x = px * Math.cos(t) - py * Math.sin(t);
  const y = px * Math.sin(t) + py * Math.cos(t);
  return { x: (x + out.width / 2) / out.width, y: (y + out.height / 2) / out.height };
}
