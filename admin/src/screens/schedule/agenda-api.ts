import type { ExportedSchema } from '../../../../src/shared/field-types';
import type { Agenda, Upcoming } from '../../../../src/shared/schedule';

export type { Agenda, Upcoming };
import { qs } from '../../api';
import { toLocalInput } from '../../time-zone';

/** The ranges the agenda offers, in days from now. */
export const AGENDA_RANGES = [7, 30, 90] as const;

/** The dashboard address of a change's editor, in its locale. */
export function editorPath(u: Upcoming): string {
  const enc = encodeURIComponent;
  const locale = qs({ locale: u.locale });
  if (u.kind === 'page') return `/pages/${enc(u.page_type ?? '*')}/${enc(u.slug ?? '')}${locale}`;
  if (u.kind === 'item') return `/collections/${enc(u.key ?? '')}/${u.id}${locale}`;
  return `/posts/${enc(u.slug ?? '')}`;
}

/** What a change is, in words: its page type, collection, or "Blog post". */
export function kindLabel(u: Upcoming, schema: ExportedSchema | null): string {
  if (u.kind === 'post') return 'Blog post';
  if (u.kind === 'item') return `${schema?.collections[u.key ?? '']?.name ?? u.key} item`;
  if (!u.page_type) return `${schema?.single_pages[u.slug ?? '']?.name ?? 'Single'} page`;
  return schema?.page_types[u.page_type]?.name ?? u.page_type;
}

/** A change's title, or its slug or id when it has none. */
export function titleOf(u: Upcoming): string {
  return u.title || u.slug || `#${u.id}`;
}

/** The changes by day in the editor's zone (`2026-12-08`), soonest first, each day's in order. */
export function byDay(changes: Upcoming[]): [string, Upcoming[]][] {
  const days = new Map<string, Upcoming[]>();
  for (const u of changes) {
    const day = toLocalInput(u.at).slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), u]);
  }
  return [...days];
}

/** A day's heading: `Today, Tue 8 Dec`, `Tomorrow, …`, else `Wednesday 9 December` (the year when not this one). */
export function dayHeading(day: string, now: Date = new Date()): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y!, m! - 1, d!);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysAway = Math.round((date.getTime() - today.getTime()) / 86_400_000);
  const short = date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  if (daysAway === 0) return `Today, ${short}`;
  if (daysAway === 1) return `Tomorrow, ${short}`;
  return date.toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
  });
}
