import { parseMediaPath } from '../media/media-url.js';
import { htmlImages } from './html-images.js';

/** The library file a URL of this install names (MediaStore.ownMedia), or null. */
export type OwnFile = (url: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Adds to `into` the names (`<hash>.<ext>`) of the library files a stored value uses: every
 * `/media/...` string (after image tasks, under a label, with a query), and the images of rich
 * text, relative or one of this install's absolute URLs (`ownFile`).
 */
export function collectMediaNames(value: unknown, into: Set<string>, ownFile: OwnFile = () => null): void {
  if (typeof value === 'string') {
    const name = fileOf(value, ownFile);
    if (name) into.add(name);
    else if (value.includes('<'))
      for (const image of htmlImages(value)) {
        const file = fileOf(image.url, ownFile);
        if (file) into.add(file);
      }
  } else if (Array.isArray(value)) {
    for (const item of value) collectMediaNames(item, into, ownFile);
  } else if (isObject(value)) {
    for (const item of Object.values(value)) collectMediaNames(item, into, ownFile);
  }
}

function fileOf(url: string, ownFile: OwnFile): string | null {
  if (!url.startsWith('/media/')) return url.includes('/media/') ? ownFile(url) : null;
  return parseMediaPath(url.slice('/media/'.length).split(/[?#]/)[0]!)?.name ?? null;
}
