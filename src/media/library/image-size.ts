import sharp from 'sharp';

/** How many first bytes of an upload are kept to read an image's size from (headers sit well within). */
export const IMAGE_HEAD_BYTES = 512 * 1024;

/** An image's size in pixels, as shown (a JPEG's EXIF rotation applied); nulls for other files. */
export interface ImageSize {
  width: number | null;
  height: number | null;
}

const NONE: ImageSize = { width: null, height: null };

/**
 * The size of an image from its first bytes: only headers are read, nothing decoded, so an image
 * "bomb" costs no more than any other file. GIF and WebP headers are read here (sharp wants
 * those files whole); PNG, JPEG and AVIF by sharp. Anything unreadable has no size.
 */
export async function imageSize(head: Buffer, mime: string): Promise<ImageSize> {
  if (mime === 'image/gif') return head.length >= 10 ? size(head.readUInt16LE(6), head.readUInt16LE(8)) : NONE;
  if (mime === 'image/webp') return webpSize(head);
  if (!['image/png', 'image/jpeg', 'image/avif'].includes(mime)) return NONE;
  try {
    // Headers only: the pixel limit guards decoding, and an image past it still has a size to show.
    const meta = await sharp(head, { limitInputPixels: false }).metadata();
    return size(meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.height);
  } catch {
    return NONE;
  }
}

/** A WebP's canvas size from its first chunk: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`). */
function webpSize(b: Buffer): ImageSize {
  if (b.length < 30) return NONE;
  switch (b.toString('latin1', 12, 16)) {
    case 'VP8 ':
      return size(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
    case 'VP8L': {
      const bits = b.readUInt32LE(21);
      return size((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    case 'VP8X':
      return size(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
    default:
      return NONE;
  }
}

function size(width: number | undefined, height: number | undefined): ImageSize {
  return width && height ? { width, height } : NONE;
}
