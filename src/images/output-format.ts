import type { OutputFormat, OutputSpec } from './image-request.js';

/** How a derivative is encoded, every choice made (the derivative key is made of it). */
export interface ResolvedOutput {
  format: OutputFormat;
  /** null for PNG, which is lossless. */
  quality: number | null;
  compress: boolean;
  progressive: boolean;
  /** The format came from the Accept header (`auto`), so the answer varies with it. */
  fromAccept: boolean;
}

export const OUTPUT_MIME: Readonly<Record<OutputFormat, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** sharp's own defaults, written down so the key holds the quality actually used. */
const DEFAULT_QUALITY: Readonly<Record<Exclude<OutputFormat, 'png'>, number>> = { jpg: 80, webp: 80, avif: 50 };

/**
 * Decides the format: the one asked for; for `auto`, AVIF, else WebP, when the Accept header names
 * it (wildcards do not count: `image/*` is sent by browsers without either), else JPEG for a JPEG
 * original and PNG for the others (which may hold transparency); without a format, the original's
 * own, GIF and SVG becoming PNG.
 */
export function resolveOutput(spec: OutputSpec, originalExt: string, accept: string | undefined): ResolvedOutput {
  const fallback: OutputFormat = originalExt === 'jpg' ? 'jpg' : 'png';
  let format: OutputFormat;
  if (spec.format === 'auto') {
    const types = acceptedTypes(accept);
    format = types.has('image/avif') ? 'avif' : types.has('image/webp') ? 'webp' : fallback;
  } else {
    format =
      spec.format ?? (['jpg', 'png', 'webp', 'avif'].includes(originalExt) ? (originalExt as OutputFormat) : 'png');
  }
  return {
    format,
    quality: format === 'png' ? null : (spec.quality ?? DEFAULT_QUALITY[format]),
    compress: spec.compress,
    progressive: format === 'jpg' && spec.progressive,
    fromAccept: spec.format === 'auto',
  };
}

/** The media types an Accept header names with a q above 0. */
function acceptedTypes(accept: string | undefined): Set<string> {
  const types = new Set<string>();
  for (const range of (accept ?? '').slice(0, 1024).split(',')) {
    const [type, ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (type && !(q && Number(q.slice(2)) === 0)) types.add(type);
  }
  return types;
}
