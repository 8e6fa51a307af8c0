import { schemaMessages as m } from '../../errors/index.js';
import {
  fillPreviewUrl,
  isPreviewPlaceholder,
  placeholdersOf,
  PREVIEW_PLACEHOLDERS,
  PREVIEW_URL_MAX,
} from '../../shared/preview-url.js';
import type { BlogDef } from './types.js';
import { isObject } from './validate-field.js';
import { CONTROL_CHARACTER } from './validate-locales.js';

const BLOG_KEYS = ['preview_url'];

/**
 * A `preview_url` template (docs/api.md §13.5), or undefined when absent or null. Problems are
 * pushed to `errors`, each naming `path`: not an http(s) URL once filled, too long, a placeholder
 * outside PREVIEW_PLACEHOLDERS, a stray brace.
 */
export function validatePreviewUrl(raw: unknown, path: string, errors: string[]): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return void errors.push(m.string(path));
  if ([...raw].length > PREVIEW_URL_MAX) return void errors.push(m.previewUrlTooLong(path, PREVIEW_URL_MAX));
  if (CONTROL_CHARACTER.test(raw)) return void errors.push(m.controlCharacters(path));
  const before = errors.length;
  for (const name of placeholdersOf(raw)) {
    if (!isPreviewPlaceholder(name)) errors.push(m.previewPlaceholder(path, name, PREVIEW_PLACEHOLDERS));
  }
  if (/[{}]/.test(raw.replace(/\{[^{}]*\}/g, ''))) errors.push(m.previewBrace(path));
  if (errors.length === before && !isWebUrl(fillPreviewUrl(raw, SAMPLE))) errors.push(m.previewUrl(path));
  return errors.length === before ? raw : undefined;
}

/** The document's `blog` section: an object with an optional `preview_url`; undefined without one. */
export function validateBlog(raw: unknown, errors: string[]): BlogDef | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) return void errors.push(m.blogNotObject);
  for (const key of Object.keys(raw)) {
    if (!BLOG_KEYS.includes(key)) errors.push(m.unknownKey(`blog.${key}`, 'blog section', BLOG_KEYS));
  }
  const url = validatePreviewUrl(raw.preview_url, 'blog.preview_url', errors);
  return url === undefined ? undefined : { preview_url: url };
}

// A value for every placeholder, so a template is judged as the URL it becomes once filled.
const SAMPLE = Object.fromEntries(PREVIEW_PLACEHOLDERS.map((p) => [p, 'x']));

function isWebUrl(text: string): boolean {
  // The URL parser would take `https:host` and trim spaces: a template must be written out whole.
  if (/\s/.test(text) || !/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
