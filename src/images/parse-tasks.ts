import { imageErrors } from '../errors/index.js';
import {
  emptyRequest,
  MAX_SIDE,
  MAX_TASKS,
  type Align,
  type Fit,
  type ImageOp,
  type ImageRequest,
  type OutputSpec,
} from './image-request.js';
import { listItems, own, readSegment, wholeNumber, type TaskSegment } from './task-segment.js';

// The ButterCMS/Filestack task form: `/media/resize=width:800,fit:crop/output=format:webp/<file>`.
// Tasks apply in the order written; output, quality and compress say how the result is encoded.

const FITS: readonly Fit[] = ['clip', 'crop', 'scale', 'max'];
const ALIGNS: Record<string, Align> = {
  center: 'center',
  middle: 'center',
  top: 'top',
  bottom: 'bottom',
  left: 'left',
  right: 'right',
  faces: 'faces',
  top_left: 'top_left',
  top_right: 'top_right',
  bottom_left: 'bottom_left',
  bottom_right: 'bottom_right',
};
/** Filestack's short names of resize's options. */
const RESIZE_ALIASES: Record<string, string> = { w: 'width', h: 'height', f: 'fit', a: 'align' };
const FORMATS: Record<string, { format: OutputSpec['format']; progressive: boolean }> = {
  jpg: { format: 'jpg', progressive: false },
  jpeg: { format: 'jpg', progressive: false },
  pjpg: { format: 'jpg', progressive: true },
  png: { format: 'png', progressive: false },
  webp: { format: 'webp', progressive: false },
  avif: { format: 'avif', progressive: false },
  auto: { format: 'auto', progressive: false },
};
const AMOUNT_MAX = 20;
const DEFAULT_AMOUNT = 2;

/** Reads the task segments of a URL (undecoded, in order) into one request; throws the 400 of the first problem. */
export function parseTasks(segments: readonly string[]): ImageRequest {
  if (segments.length > MAX_TASKS) throw imageErrors.tooManyTasks(MAX_TASKS);
  const request = emptyRequest();
  for (const raw of segments) {
    const segment = readSegment(raw);
    const op = readTask(segment, request.output);
    if (op) request.ops.push(op);
  }
  return request;
}

/** One task: its op, or null for the tasks that only change `output`. */
function readTask({ name, options }: TaskSegment, output: OutputSpec): ImageOp | null {
  const only = (...allowed: string[]) => {
    for (const key of options.keys()) if (!allowed.includes(key)) throw imageErrors.invalidOption(key, name);
  };
  const amount = () => {
    only('amount');
    const value = options.get('amount');
    const n = value === undefined ? DEFAULT_AMOUNT : wholeNumber(value, 1, AMOUNT_MAX);
    if (n === null) throw imageErrors.invalidOption('amount', name);
    return n;
  };
  switch (name) {
    case 'resize':
      return readResize(options);
    case 'crop':
      return readCrop(options);
    case 'rotate':
      return readRotate(options);
    case 'flip':
    case 'flop':
    case 'monochrome':
      only();
      return { task: name };
    case 'blur':
    case 'sharpen':
      return { task: name, amount: amount() };
    case 'output':
      readOutput(options, output);
      return null;
    case 'quality':
      only('value');
      output.quality = required(options, 'value', name, (v) => wholeNumber(v, 1, 100));
      return null;
    case 'compress':
    case 'no_metadata':
      // Metadata is always stripped, so no_metadata is accepted and changes nothing.
      only();
      if (name === 'compress') output.compress = true;
      return null;
    default:
      throw imageErrors.unknownTask(name);
  }
}

function readResize(given: Map<string, string>): ImageOp {
  const options = new Map<string, string>();
  for (const [key, value] of given) {
    const full = own(RESIZE_ALIASES, key) ?? key;
    if (!['width', 'height', 'fit', 'align'].includes(full) || options.has(full))
      throw imageErrors.invalidOption(key, 'resize');
    options.set(full, value);
  }
  const side = (key: string) => optional(options, key, 'resize', (v) => wholeNumber(v, 1, MAX_SIDE));
  const width = side('width');
  const height = side('height');
  if (width === null && height === null) throw imageErrors.invalidOption('width', 'resize');
  const fit = optional(options, 'fit', 'resize', (v) => (FITS.includes(v as Fit) ? (v as Fit) : null)) ?? 'clip';
  const align = optional(options, 'align', 'resize', readAlign);
  return { task: 'resize', width, height, fit, align };
}

/** `top`, `top_left`, or Filestack's pair `[top,left]` (either order; `center`/`middle` in a pair is the other side alone). */
export function readAlign(value: string): Align | null {
  const pair = listItems(value);
  if (!pair) return own(ALIGNS, value) ?? null;
  if (pair.length !== 2) return null;
  const vertical = pair.find((p) => p === 'top' || p === 'bottom' || p === 'middle');
  const horizontal = pair.find((p) => p === 'left' || p === 'right' || p === 'center');
  if (!vertical || !horizontal) return null;
  if (vertical === 'middle') return horizontal === 'center' ? 'center' : (horizontal as Align);
  return horizontal === 'center' ? (vertical as Align) : (`${vertical}_${horizontal}` as Align);
}

function readCrop(options: Map<string, string>): ImageOp {
  for (const key of options.keys()) if (key !== 'dim') throw imageErrors.invalidOption(key, 'crop');
  const dim = required(options, 'dim', 'crop', (v) => {
    const items = listItems(v);
    if (items?.length !== 4) return null;
    const [x, y, w, h] = items.map((item, i) => wholeNumber(item, i < 2 ? 0 : 1, i < 2 ? 100_000 : MAX_SIDE));
    return x == null || y == null || w == null || h == null ? null : { x, y, width: w, height: h };
  });
  return { task: 'crop', ...dim };
}

function readRotate(options: Map<string, string>): ImageOp | null {
  for (const key of options.keys())
    if (key !== 'deg' && key !== 'background') throw imageErrors.invalidOption(key, 'rotate');
  const deg = required(options, 'deg', 'rotate', (v) => (v === 'exif' ? 0 : wholeNumber(v, 0, 359)));
  const background = optional(options, 'background', 'rotate', readColour) ?? '#ffffffff';
  return deg === 0 ? null : { task: 'rotate', deg, background };
}

/** `fff`, `ffffff`, `ffffffaa`, `white`, `black` or `transparent`, as `#rrggbbaa`. */
function readColour(value: string): string | null {
  const named: Record<string, string> = { white: 'ffffffff', black: '000000ff', transparent: '00000000' };
  let hex = own(named, value) ?? value.toLowerCase();
  if (!/^([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex)) return null;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return `#${hex.length === 6 ? `${hex}ff` : hex}`;
}

function readOutput(options: Map<string, string>, output: OutputSpec): void {
  for (const key of options.keys())
    if (!['format', 'quality', 'compress'].includes(key)) throw imageErrors.invalidOption(key, 'output');
  const format = optional(options, 'format', 'output', (v) => own(FORMATS, v) ?? null);
  if (format) [output.format, output.progressive] = [format.format, format.progressive];
  const quality = optional(options, 'quality', 'output', (v) => wholeNumber(v, 1, 100));
  if (quality !== null) output.quality = quality;
  const compress = optional(options, 'compress', 'output', (v) => (v === 'true' ? true : v === 'false' ? false : null));
  if (compress !== null) output.compress = compress;
}

/** An option's value read by `read` (null: invalid), or null when the option is absent. */
function optional<T>(options: Map<string, string>, key: string, task: string, read: (v: string) => T | null): T | null {
  const value = options.get(key);
  if (value === undefined) return null;
  const parsed = read(value);
  if (parsed === null) throw imageErrors.invalidOption(key, task);
  return parsed;
}

function required<T>(options: Map<string, string>, key: string, task: string, read: (v: string) => T | null): T {
  const value = optional(options, key, task, read);
  if (value === null) throw imageErrors.invalidOption(key, task);
  return value;
}
