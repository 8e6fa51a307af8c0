import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { GheeError, imageErrors } from '../errors/index.js';
import type { FocalPoint } from '../shared/media.js';
import { applyStage } from './apply-stage.js';
import { boundOps } from './bound-ops.js';
import type { Size } from './geometry.js';
import { MAX_SIDE, type ImageOp } from './image-request.js';
import type { ResolvedOutput } from './output-format.js';
import { renderStages } from './render-stages.js';

/** One render: the original's bytes, what to do, how to encode. */
export interface RenderJob {
  bytes: Buffer;
  ops: readonly ImageOp[];
  /** The original's focal point, for crops without an align. */
  focal: FocalPoint | null;
  output: ResolvedOutput;
  /** Larger inputs (width x height, decoded) are refused before decoding (MEDIA_MAX_INPUT_PIXELS). */
  maxInputPixels: number;
}

/**
 * Renders a derivative: EXIF orientation applied, the ops run stage by stage (render-stages.ts),
 * the result no larger than MAX_SIDE a side, encoded with no metadata kept. Animated GIF and WebP
 * give their first frame; SVG is rasterised at a density that suits the first resize. Bytes that
 * are no image are `Not an image`, an image over the pixel limit a 400 that says so.
 */
export async function renderImage(job: RenderJob): Promise<Buffer> {
  let size: Size = { width: 0, height: 0 };
  try {
    const meta = await readMetadata(job.bytes);
    const density = meta.format === 'svg' ? svgDensity(meta, job) : undefined;
    size = orientedSize(density ? await readMetadata(job.bytes, density) : meta);
    if (size.width * size.height > job.maxInputPixels)
      throw imageErrors.tooManyPixels(size.width, size.height, job.maxInputPixels);
    const stages = renderStages(boundOps(job.ops, size, job.maxInputPixels));
    const options: SharpOptions = { limitInputPixels: job.maxInputPixels, ...(density && { density }) };
    let image = sharp(job.bytes, { ...options, autoOrient: true });
    let context = { size, focal: job.focal, format: job.output.format, last: stages.length <= 1 };
    for (const [i, ops] of stages.entries()) {
      context.last = i === stages.length - 1;
      const focal = applyStage(image, ops, context);
      if (context.last) break;
      const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
      const raw = { width: info.width, height: info.height, channels: info.channels };
      image = sharp(data, { ...options, raw });
      context = { ...context, size: { width: info.width, height: info.height }, focal };
    }
    return await encode(image, job.output).toBuffer();
  } catch (error) {
    if (error instanceof Error && /exceeds pixel limit/i.test(error.message))
      throw imageErrors.tooManyPixels(size.width, size.height, job.maxInputPixels);
    throw asImageError(error);
  }
}

/** The header's facts; nothing is decoded, so no pixel limit applies yet (the caller checks the size). */
async function readMetadata(bytes: Buffer, density?: number): Promise<Metadata> {
  const meta = await sharp(bytes, { limitInputPixels: false, ...(density && { density }) }).metadata();
  if (!meta.width || !meta.height) throw imageErrors.notAnImage();
  return meta;
}

/** Width and height as shown, after EXIF orientation; a multi-frame image's first frame. */
function orientedSize(meta: Metadata): Size {
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  return { width, height: meta.pageHeight && meta.pageHeight < height ? meta.pageHeight : height };
}

/**
 * SVG is drawn at 72 dpi unless told otherwise; a resize to more pixels than that would blur, so
 * the drawing density is raised to what the first resize needs (within MAX_SIDE and the pixel
 * limit), or lowered for a drawing declared larger than the limit allows.
 */
function svgDensity(meta: Metadata, job: RenderJob): number {
  const w = meta.width!;
  const h = meta.height!;
  const resize = job.ops.find((op) => op.task === 'resize');
  let s = 1;
  if (resize && resize.task === 'resize')
    s = Math.max(resize.width ? resize.width / w : 0, resize.height ? resize.height / h : 0);
  s = Math.min(s, (2 * MAX_SIDE) / Math.max(w, h), Math.sqrt(job.maxInputPixels / (w * h)));
  return Math.min(100_000, Math.max(1, 72 * s));
}

/** The encoder of the chosen format. JPEG has no transparency: it is flattened onto white. */
function encode(image: Sharp, { format, quality, compress, progressive }: ResolvedOutput): Sharp {
  switch (format) {
    case 'jpg':
      return image.flatten({ background: '#ffffff' }).jpeg({ quality: quality!, mozjpeg: compress, progressive });
    case 'png':
      return image.png({ compressionLevel: compress ? 9 : 6, adaptiveFiltering: compress });
    case 'webp':
      return image.webp({ quality: quality!, effort: compress ? 6 : 4 });
    case 'avif':
      // AVIF is slow to encode: sharp's default effort (4) takes seconds for a 1600 px image on one
      // thread, effort 2 a quarter of that for a file a few percent larger.
      return image.avif({ quality: quality!, effort: compress ? 4 : 2 });
  }
}

/**
 * sharp's errors in the client's terms: bytes it cannot decode are `Not an image`; anything else is unexpected and stays as it is (a logged 500).
 */
function asImageError(error: unknown): unknown {
  if (error instanceof GheeError || !(error instanceof Error)) return error;
  if (
    /unsupported image format|corrupt|premature end|truncated|load_buffer|VipsJpeg|VipsPng|read error|not a known|invalid/i.test(
      error.message,
    )
  )
    return imageErrors.notAnImage();
  return error;
}
