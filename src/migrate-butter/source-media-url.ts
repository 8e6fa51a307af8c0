import { parseMediaPath } from '../media/media-url.js';

/** The hosts that serve ButterCMS's images, with Filestack-style tasks before the file's handle. */
export const BUTTER_CDN_HOSTS: readonly string[] = ['cdn.buttercms.com'];

/** A media URL of the source taken apart: the file to download once, and the image tasks to keep. */
export interface SourceMediaUrl {
  /** The URL of the file itself, tasks left out: `https://cdn.buttercms.com/<handle>`. */
  file: string;
  /** The task segments before the file, as they are (`resize=width:800`, `flip`). */
  tasks: string[];
}

/** A task segment's shape: `name`, or `name=option:value,...` (no `/`); the image service reads the rest. */
const TASK = /^[a-z][a-z0-9_]*(=[a-z][a-z0-9_]*:[^/\s?#]*)?$/i;
const MAX_TASKS = 16;

/**
 * Splits a media URL of the source into its file and its tasks: on ButterCMS's CDN the segments
 * before the handle (`/resize=width:800/quality=value:80/<handle>`), on a Ghee source those
 * before the file after `/media/`. Any other URL, or one whose segments are not all task-shaped,
 * is one file without tasks.
 */
export function splitMediaUrl(url: string, cdnHosts: readonly string[] = BUTTER_CDN_HOSTS): SourceMediaUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { file: url, tasks: [] };
  }
  const whole = { file: url, tasks: [] };
  if (cdnHosts.includes(parsed.host.toLowerCase())) {
    const segments = parsed.pathname.split('/').slice(1);
    const handle = segments.pop() ?? '';
    if (!handle || !segments.length || !tasksShaped(segments)) return whole;
    return { file: `${parsed.origin}/${handle}${parsed.search}`, tasks: segments };
  }
  const at = parsed.pathname.indexOf('/media/');
  if (at === -1) return whole;
  const rest = parsed.pathname.slice(at + '/media/'.length);
  const file = parseMediaPath(rest);
  if (!file?.tasks.length || !tasksShaped(file.tasks)) return whole;
  const path = rest.split('/').slice(file.tasks.length).join('/');
  return { file: `${parsed.origin}${parsed.pathname.slice(0, at)}/media/${path}${parsed.search}`, tasks: file.tasks };
}

function tasksShaped(segments: string[]): boolean {
  return segments.length <= MAX_TASKS && segments.every((s) => TASK.test(s));
}

/**
 * Where to download a media URL of the source's content from: an absolute http(s) URL as it is;
 * a Ghee source's own library path (`/media/<sha256>.<ext>`, which a Ghee keeps relative in rich
 * text) under the source's address (`mediaBase`, its API base without `/v2`). Null for anything
 * else (a link relative to the source's site, a data: URL): it stays as it is.
 */
export function sourceUrl(url: string, mediaBase: string): string | null {
  if (/^https?:\/\/[^/]/i.test(url)) return url;
  if (!url.startsWith('/media/') || !mediaBase) return null;
  return parseMediaPath(url.slice('/media/'.length).split(/[?#]/)[0]!) ? mediaBase + url : null;
}

/** The stored value of a downloaded file (`/media/<name>`) behind the URL's tasks: `/media/<tasks>/<name>`. */
export function withTasks(stored: string, tasks: string[]): string {
  if (!tasks.length || !stored.startsWith('/media/')) return stored;
  return `/media/${[...tasks, stored.slice('/media/'.length)].join('/')}`;
}

/** What the library calls a downloaded file: the URL's last segment (a ButterCMS handle), decoded. */
export function originalNameOf(fileUrl: string): string {
  let path = fileUrl;
  try {
    path = new URL(fileUrl).pathname;
  } catch {
    // Not a URL: its last segment all the same.
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A stray `%`: the segment as it is.
  }
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}
