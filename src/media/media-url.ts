import { MEDIA_NAME } from './media-types.js';

/** What a `/media/...` path names: the stored file, the name it was uploaded under, and the image tasks before it. */
export interface MediaPath {
  /** The stored file, `<sha256>.<ext>`. */
  name: string;
  /** The uploaded file's name in the URL (`/media/<sha256>/<label>.<ext>`), or null. */
  label: string | null;
  /** The image task segments before the file, in order (`resize=width:800`, `flip`), undecoded. */
  tasks: string[];
}

const HASH = /^[0-9a-f]{64}$/;
/** A label as Ghee writes one (labelFor): nothing a path or a header could mistake for more. */
const LABEL = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const MAX_TASKS = 16;

/**
 * Reads the part of a media URL after `/media/`: `<file>`, `<hash>/<label>.<ext>`, either after
 * up to MAX_TASKS task segments. Null for anything else, so no other path can name a file.
 */
export function parseMediaPath(rest: string): MediaPath | null {
  const segments = rest.split('/');
  const last = segments.pop() ?? '';
  const named = MEDIA_NAME.exec(last);
  if (named) return withTasks({ name: last, label: null }, segments);
  const hash = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  const name = `${hash}${last.slice(dot)}`;
  if (!HASH.test(hash) || dot < 1 || !MEDIA_NAME.test(name) || !LABEL.test(last.slice(0, dot))) return null;
  return withTasks({ name, label: last.slice(0, dot) }, segments);
}

function withTasks(file: Omit<MediaPath, 'tasks'>, tasks: string[]): MediaPath | null {
  if (tasks.length > MAX_TASKS || tasks.some((t) => t === '')) return null;
  return { ...file, tasks };
}

/** The stored value of a file, `/media/<sha256>/<label>.<ext>` (or `/media/<name>` without a label). */
export function mediaValue(name: string, label: string | null): string {
  if (!label) return `/media/${name}`;
  const dot = name.indexOf('.');
  return `/media/${name.slice(0, dot)}/${label}${name.slice(dot)}`;
}

/**
 * The label of an uploaded file's name: its stem, lower-cased, accents dropped, every run of other
 * characters one `-`, at most 80 characters; null when nothing is left (`.png`, `???.jpg`).
 */
export function labelFor(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const label = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return LABEL.test(label) ? label : null;
}
