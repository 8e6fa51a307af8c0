import { mediaValue, parseMediaPath, type MediaPath } from '../media-url.js';

// Where stored content mentions a library file: a media field's value (`/media/...`), and the
// `src`, `srcset`, `href` of rich text: relative, under PUBLIC_URL's `/media/`, or under
// MEDIA_PUBLIC_URL. Another site's `/media/...` (a URL of another host) is not ours: left alone.

/** The bases of the library's URLs: PUBLIC_URL, and MEDIA_PUBLIC_URL when a CDN or bucket serves the files. */
export interface MediaBases {
  publicUrl: string;
  mediaPublicUrl?: string | undefined;
}

/** One mention of a library file in a text. */
export interface MediaRef {
  /** Where it starts and ends in the text. */
  start: number;
  end: number;
  /** What comes before its path: `/media/`, `<PUBLIC_URL>/media/` or `<MEDIA_PUBLIC_URL>/`. */
  prefix: string;
  file: MediaPath;
  /** Its query and fragment, kept as they are (`?preset=thumbnail`). */
  suffix: string;
}

/** A mention may follow nothing, or one of these: a quote, a space, a srcset comma, `(` of url(), ... */
const BEFORE = /[\s"'(,=>`]/;
/** A mention ends at the first of these (HTML attribute values and srcset candidates). */
const AFTER = /[\s"'<>)`]/;
const MEDIA = '/media/';

/** Every mention of a library file in `text`, in order. */
export function findMediaRefs(text: string, bases: MediaBases): MediaRef[] {
  const cdn = bases.mediaPublicUrl ? `${bases.mediaPublicUrl.replace(/\/$/, '')}/` : null;
  const refs: MediaRef[] = [];
  for (let at = text.indexOf(MEDIA); at !== -1; at = text.indexOf(MEDIA, at + 1)) {
    const origin = originBefore(text, at, bases.publicUrl.replace(/\/$/, ''));
    const ref = origin === null ? null : refAt(text, at - origin.length, origin + MEDIA);
    if (ref) refs.push(ref);
  }
  for (let at = cdn ? text.indexOf(cdn) : -1; at !== -1; at = text.indexOf(cdn!, at + 1)) {
    const ref = standsAlone(text, at) ? refAt(text, at, cdn!) : null;
    if (ref && !refs.some((r) => r.start === ref.start)) refs.push(ref);
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** True when `text` mentions the stored file `name`. */
export function mentions(text: string, name: string, bases: MediaBases): boolean {
  const hash = name.slice(0, name.indexOf('.'));
  return text.includes(hash) && findMediaRefs(text, bases).some((r) => r.file.name === name);
}

/**
 * `text` with every mention of the stored file `from` pointing at `to` instead, under `label`:
 * its base (or none), image tasks and query kept.
 */
export function rewriteMediaRefs(
  text: string,
  bases: MediaBases,
  from: string,
  to: string,
  label: string | null,
): string {
  const refs = findMediaRefs(text, bases).filter((r) => r.file.name === from);
  if (refs.length === 0) return text;
  let out = '';
  let last = 0;
  for (const ref of refs) {
    const tasks = ref.file.tasks.map((t) => `${t}/`).join('');
    const path = mediaValue(to, label).slice(MEDIA.length);
    out += `${text.slice(last, ref.start)}${ref.prefix}${tasks}${path}${ref.suffix}`;
    last = ref.end;
  }
  return out + text.slice(last);
}

/** The mention whose path follows `prefix` at `start`, or null when what follows names no file. */
function refAt(text: string, start: number, prefix: string): MediaRef | null {
  const from = start + prefix.length;
  let end = from;
  while (end < text.length && !AFTER.test(text[end]!)) end++;
  // A srcset candidate may end with the comma before the next one.
  while (end > from && text[end - 1] === ',') end--;
  const rest = text.slice(from, end);
  const cut = rest.search(/[?#]/);
  const file = parseMediaPath(cut === -1 ? rest : rest.slice(0, cut));
  return file && { start, end, prefix, file, suffix: cut === -1 ? '' : rest.slice(cut) };
}

/** PUBLIC_URL when the mention at `at` follows it, '' when it stands alone, null for another site's. */
function originBefore(text: string, at: number, publicUrl: string): string | null {
  const start = at - publicUrl.length;
  if (publicUrl && start >= 0 && text.startsWith(publicUrl, start) && standsAlone(text, start)) return publicUrl;
  return standsAlone(text, at) ? '' : null;
}

function standsAlone(text: string, at: number): boolean {
  return at === 0 || BEFORE.test(text[at - 1]!);
}
