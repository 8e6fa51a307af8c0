import { PAGE_SLUG } from '../../content/write/find-entry.js';
import { isHttpUrl } from '../../content/write/validate-fields.js';
import type { PostStatus } from '../../store/blog-tables.js';
import type { AuthorRef } from '../authors/author-store.js';
import { parseDateTime } from './parse-date-time.js';
import { postMessages as m } from '../../errors/index.js';

/** Keys of a post write body (docs/api.md §6); `scheduled` is Ghee's, the last is ButterCMS's. */
export const POST_BODY_KEYS = [
  'title',
  'slug',
  'status',
  'scheduled',
  'unpublish_at',
  'author',
  'categories',
  'tags',
  'featured_image',
  'featured_image_alt',
  'body',
  'summary',
  'seo_title',
  'meta_description',
  'upload_images_to_media_library',
] as const;

/** The plain-text fields of a post, stored as given. */
const TEXT_KEYS = ['title', 'featured_image_alt', 'summary', 'seo_title', 'meta_description'] as const;

/** A category or tag name is at most this long. */
export const TERM_MAX_LENGTH = 100;

/** A post slug is at most this long (a unique index entry must fit PostgreSQL's btree page). */
export const SLUG_MAX_LENGTH = 200;

/** A post names at most this many categories, and as many tags (each may create a row). */
export const TERMS_MAX_COUNT = 100;

/** What a write body asks for, checked; only the keys sent are present (null counts as not sent). */
export interface PostInput {
  title?: string;
  slug?: string;
  status?: PostStatus;
  /** UTC, six fractional digits. */
  scheduled?: string;
  /** When the post goes off the air (UTC, six fractional digits), or null to clear it. */
  unpublishAt?: string | null;
  author?: AuthorRef;
  categories?: string[];
  tags?: string[];
  /** An http(s) URL to download, or "" for none. */
  featured_image?: string;
  featured_image_alt?: string;
  /** As sent: writePost sanitises it (off the event loop when long) before storing it. */
  body?: string;
  summary?: string;
  seo_title?: string;
  meta_description?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks each key of a post body and collects every failure under its key (`categories.2` for
 * the third category), so a 400 names them all at once. The body's HTML is left to writePost,
 * which sanitises it before it is stored: no script, event handler or javascript: URL is kept.
 */
export function parsePostInput(body: Record<string, unknown>): { input: PostInput; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => void (errors[path] ??= []).push(message);
  const text = (key: string): string | undefined => {
    const value = body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return (add(key, m.notString), undefined);
    if (value.includes('\u0000')) return (add(key, m.nulCharacter), undefined);
    return value;
  };
  const input: PostInput = {};
  for (const key of TEXT_KEYS) {
    const value = text(key);
    if (value !== undefined) input[key] = value;
  }
  if (input.title !== undefined && input.title.trim() === '') add('title', m.required);
  const slug = text('slug');
  if (slug !== undefined) {
    if (slug === '') add('slug', m.required);
    else if (slug.length > SLUG_MAX_LENGTH) add('slug', m.maxLength(SLUG_MAX_LENGTH));
    else if (!PAGE_SLUG.test(slug)) add('slug', m.slugFormat);
    else if (slug === 'search') add('slug', m.slugReserved);
    else input.slug = slug;
  }
  const status = text('status');
  if (status !== undefined) {
    if (status === 'draft' || status === 'published' || status === 'scheduled') input.status = status;
    else add('status', m.choice(status));
  }
  const scheduled = text('scheduled');
  if (scheduled !== undefined) {
    const parsed = parseDateTime(scheduled);
    if (parsed === null) add('scheduled', m.dateTime);
    else input.scheduled = parsed;
  }
  if (body.unpublish_at === null) input.unpublishAt = null;
  else {
    const unpublishAt = text('unpublish_at');
    if (unpublishAt !== undefined) {
      const parsed = parseDateTime(unpublishAt);
      if (parsed === null) add('unpublish_at', m.dateTime);
      else input.unpublishAt = parsed;
    }
  }
  const html = text('body');
  if (html !== undefined) input.body = html;
  const image = text('featured_image');
  if (image !== undefined) {
    if (image !== '' && !isHttpUrl(image)) add('featured_image', m.url);
    else input.featured_image = image;
  }
  if (body.author !== undefined && body.author !== null) {
    const author = authorRef(body.author);
    if (author) input.author = author;
    else add('author', m.authorRef);
  }
  for (const key of ['categories', 'tags'] as const) {
    const names = termNames(body[key], key, add);
    if (names) input[key] = names;
  }
  const upload = body.upload_images_to_media_library;
  // ButterCMS's switch for images inside the body; Ghee leaves body images as they are.
  if (upload !== undefined && upload !== null && typeof upload !== 'boolean')
    add('upload_images_to_media_library', m.notBoolean);
  return { input, errors };
}

/** `{"email": ...}` or `{"slug": ...}` (the email wins when both are given; other keys, as in a post read back, are ignored). */
function authorRef(value: unknown): AuthorRef | null {
  if (!isObject(value)) return null;
  const ok = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.includes('\u0000');
  if (ok(value.email)) return { email: value.email };
  if (ok(value.slug)) return { slug: value.slug };
  return null;
}

/** A list of category or tag names: trimmed, not blank, repeats dropped. */
function termNames(value: unknown, key: string, add: (path: string, message: string) => void): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return (add(key, m.notList), undefined);
  if (value.length > TERMS_MAX_COUNT) return (add(key, m.tooManyItems(TERMS_MAX_COUNT)), undefined);
  const names: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string') return add(`${key}.${i}`, m.notString);
    const name = item.trim();
    if (name.includes('\u0000')) return add(`${key}.${i}`, m.nulCharacter);
    if (name === '') return add(`${key}.${i}`, m.blankName);
    if ([...name].length > TERM_MAX_LENGTH) return add(`${key}.${i}`, m.termTooLong(TERM_MAX_LENGTH));
    if (!names.includes(name)) names.push(name);
  });
  return names;
}
