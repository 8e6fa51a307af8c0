// What an image URL asks for, once read (parse-tasks.ts, parse-query.ts): geometry and filters in
// the order given, and how to encode the result. Defaults are filled in, so two spellings of the
// same request are equal values and make the same derivative (derivative-key.ts).

/** Largest output side, in pixels: a request for more is a 400; an image that grows past it is scaled down. */
export const MAX_SIDE = 4096;
/** Most tasks in one URL, preset and query included. */
export const MAX_TASKS = 16;
/** Longest task segment, in characters. */
export const MAX_TASK_LENGTH = 256;

/**
 * How a resize fits width x height. Filestack's: clip (inside, aspect kept), crop (cover, then cut),
 * scale (stretched to exactly w x h), max (clip, never enlarged). The query form adds contain
 * (inside, then padded to w x h) and outside (cover, not cut).
 */
export type Fit = 'clip' | 'crop' | 'scale' | 'max' | 'contain' | 'outside';

/** What a crop keeps: a side or corner, or the most interesting part (`faces`: sharp's attention strategy). */
export type Align =
  'center' | 'top' | 'bottom' | 'left' | 'right' | 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right' | 'faces';

export interface ResizeOp {
  task: 'resize';
  /** At least one of width and height is set. */
  width: number | null;
  height: number | null;
  fit: Fit;
  /** null: the file's focal point, or the centre without one. */
  align: Align | null;
}

export interface CropOp {
  task: 'crop';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RotateOp {
  task: 'rotate';
  /** Clockwise, 1 to 359 (0 and `exif` make no op: EXIF orientation is always applied). */
  deg: number;
  /** Fills the corners of a rotation that is not a right angle: `#rrggbbaa`. */
  background: string;
}

export type ImageOp =
  | ResizeOp
  | CropOp
  | RotateOp
  | { task: 'flip' }
  | { task: 'flop' }
  | { task: 'monochrome' }
  | { task: 'blur'; amount: number }
  | { task: 'sharpen'; amount: number };

/** An encoded format; `auto` picks one from the request's Accept header. */
export type OutputFormat = 'jpg' | 'png' | 'webp' | 'avif';

export interface OutputSpec {
  /** null: the original's own format (GIF and SVG become PNG). */
  format: OutputFormat | 'auto' | null;
  /** 1 to 100; null for the format's default. */
  quality: number | null;
  /** Spend more time for fewer bytes. */
  compress: boolean;
  /** A progressive JPEG (Filestack's `pjpg`). */
  progressive: boolean;
}

/** A whole image request: what to do, then how to encode it. */
export interface ImageRequest {
  ops: ImageOp[];
  output: OutputSpec;
}

/** A request that changes nothing. */
export function emptyRequest(): ImageRequest {
  return { ops: [], output: { format: null, quality: null, compress: false, progressive: false } };
}

/** `b` after `a`: the ops in order, output settings that `b` gives replacing `a`'s. */
export function combineRequests(a: ImageRequest, b: ImageRequest): ImageRequest {
  const output = { ...a.output };
  if (b.output.format !== null) [output.format, output.progressive] = [b.output.format, b.output.progressive];
  if (b.output.quality !== null) output.quality = b.output.quality;
  if (b.output.compress) output.compress = true;
  return { ops: [...a.ops, ...b.ops], output };
}
