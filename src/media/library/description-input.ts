import { bodyObject } from '../../api/write/body.js';
import { errors, libraryMessages, messages } from '../../errors/index.js';
import {
  MEDIA_ALT_MAX_LENGTH,
  MEDIA_CAPTION_MAX_LENGTH,
  MEDIA_TAG_MAX_LENGTH,
  MEDIA_TAGS_MAX,
  type FocalPoint,
} from '../../shared/media.js';

/** What a description changes: only the keys sent. */
export interface DescriptionPatch {
  alt?: string;
  caption?: string;
  /** Trimmed, lower-cased, repeats dropped. */
  tags?: string[];
  focal_point?: FocalPoint | null;
}

const KEYS = ['alt', 'caption', 'tags', 'focal_point'] as const;
// Tabs and line breaks may stay in a caption; other control characters have no business in text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Reads a description body (`{alt?, caption?, tags?, focal_point?}`). An unknown key is the 400
 * of any body; every refused value is reported at once, as field errors, and nothing changes.
 */
export function parseDescription(body: unknown): DescriptionPatch {
  const input = bodyObject(body, KEYS);
  const found: Record<string, string[]> = {};
  const add = (path: string, message: string) => void (found[path] ??= []).push(message);
  const patch: DescriptionPatch = {};
  for (const [key, max] of [
    ['alt', MEDIA_ALT_MAX_LENGTH],
    ['caption', MEDIA_CAPTION_MAX_LENGTH],
  ] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) patch[key] = '';
    else if (typeof value !== 'string') add(key, messages.notString);
    else if (CONTROL.test(value)) add(key, messages.controlCharacters);
    else if ([...value].length > max) add(key, messages.maxLength(max));
    else patch[key] = value.trim();
  }
  if (input.tags !== undefined) {
    const tags = parseTags(input.tags, add);
    if (tags) patch.tags = tags;
  }
  if (input.focal_point !== undefined) {
    const point = parseFocalPoint(input.focal_point);
    if (point === undefined) add('focal_point', libraryMessages.focalPoint);
    else patch.focal_point = point;
  }
  if (Object.keys(found).length) throw errors.validation(found);
  return patch;
}

function parseTags(value: unknown, add: (path: string, message: string) => void): string[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value)) return void add('tags', messages.notList);
  if (value.length > MEDIA_TAGS_MAX) return void add('tags', libraryMessages.tooManyTags(MEDIA_TAGS_MAX));
  const tags: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') return add(`tags.${i}`, messages.notString);
    const tag = item.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (CONTROL.test(tag)) return add(`tags.${i}`, messages.controlCharacters);
    if (tag === '') return add(`tags.${i}`, libraryMessages.blankTag);
    if ([...tag].length > MEDIA_TAG_MAX_LENGTH)
      return add(`tags.${i}`, libraryMessages.tagTooLong(MEDIA_TAG_MAX_LENGTH));
    if (!tags.includes(tag)) tags.push(tag);
  });
  return tags;
}

/** `{x, y}` within 0..1, or null; undefined for anything else. */
function parseFocalPoint(value: unknown): FocalPoint | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { x, y, ...rest } = value as Record<string, unknown>;
  const fraction = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  return fraction(x) && fraction(y) && Object.keys(rest).length === 0 ? { x, y } : undefined;
}
