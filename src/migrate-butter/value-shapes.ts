// How a value read from a ButterCMS-compatible API shows what it is. Used by schema inference
// and by the conversion of values into what Ghee stores.

import type { SourceJson } from './butter-client.js';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const COLOR = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const HTML = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;
const MEDIA_EXT = /\.(png|jpe?g|gif|webp|avif|svg|pdf|mp4|webm|mp3)$/i;

/** Where a reference points: a page (type and slug) or a collection item (key and id). */
export type RefTarget = { page: string; slug: string } | { collection: string; id: number };

export const isPlainObject = (v: unknown): v is Record<string, SourceJson> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s));
export const isColor = (s: string) => COLOR.test(s);
export const looksLikeHtml = (s: string) => HTML.test(s);

/** An http(s) URL of a file: a media extension, a `/media/` path, or ButterCMS's CDN. */
export function isMediaUrl(s: string): boolean {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return MEDIA_EXT.test(url.pathname) || url.pathname.includes('/media/') || url.hostname.endsWith('cdn.buttercms.com');
}

/**
 * The target of a reference value: an API URI (`.../v2/pages/<type>/<slug>/`,
 * `.../v2/content/<key>/<id>/`), an expanded page (`slug` and `page_type`) or item (`meta.id`,
 * whose collection only the schema knows, so `collection` is then '').
 */
export function refTarget(value: unknown): RefTarget | null {
  if (typeof value === 'string') {
    const page = /\/v2\/pages\/([^/]+)\/([^/]+)\/?$/.exec(value);
    if (page) return { page: decodeURIComponent(page[1]!), slug: decodeURIComponent(page[2]!) };
    const item = /\/v2\/content\/([^/]+)\/(\d+)\/?$/.exec(value);
    if (item) return { collection: decodeURIComponent(item[1]!), id: Number(item[2]) };
    return null;
  }
  if (!isPlainObject(value)) return null;
  if (isPlainObject(value.meta) && typeof value.meta.id === 'number') return { collection: '', id: value.meta.id };
  if (typeof value.slug === 'string' && 'page_type' in value && 'fields' in value)
    return { page: value.page_type ?? '*', slug: value.slug };
  return null;
}

/** A component picker's element: `{"type": "<component>", "fields": {...}}`. */
export function isPicked(value: unknown): value is { type: string; fields: Record<string, unknown> } {
  return (
    isPlainObject(value) &&
    typeof value.type === 'string' &&
    isPlainObject(value.fields) &&
    Object.keys(value).length === 2
  );
}
