import { when } from '../../ui';
import type { TrashKind, Who } from './history-api';

// How history shows stored values: always as text. A version's HTML is never put into the page
// as HTML: React escapes every string below.

/** A value as one line or block of text: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * A version's fields as rows of path and scalar value (`seo.title`, `faq.0.answer`), in the
 * order stored; an empty list or object is one row of its own.
 */
export function flattenFields(value: unknown, prefix = ''): { path: string; value: unknown }[] {
  const children = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : null;
  if (children === null || children.length === 0) return prefix ? [{ path: prefix, value }] : [];
  return children.flatMap(([key, v]) => flattenFields(v, prefix ? `${prefix}.${key}` : key));
}

/** Who, in a few words: a user's email, or a token's label with "token". */
export function whoText(who: Who): string {
  return who.type === 'user' || who.type === who.name ? who.name : `${who.name} (${who.type})`;
}

/** A version as a list or dialog names it. */
export function versionLabel(v: { id: number; created: string }): string {
  return `#${v.id} of ${when(v.created)}`;
}

/** A kind of entry in words. */
export const KIND_NAMES: Record<TrashKind, string> = { page: 'page', item: 'collection item', post: 'blog post' };

/** An ISO time to the second, in the viewer's time zone: audit records a minute apart are told apart. */
export function toTheSecond(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
