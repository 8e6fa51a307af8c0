import type { OwnMedia } from './media-store.js';
import { parseMediaPath } from './media-url.js';

/**
 * The absolute URL a stored value (`/media/...`) reads back as: `<MEDIA_PUBLIC_URL>/<path after
 * /media/>` when a CDN or the bucket serves the files, else `<PUBLIC_URL>/media/...`. Any other
 * value (another site's URL) is returned as it is.
 */
export function absoluteMediaUrl(value: string, publicUrl: string, mediaPublicUrl?: string): string {
  if (!value.startsWith('/media/')) return value;
  return mediaPublicUrl ? mediaPublicUrl + value.slice('/media'.length) : publicUrl + value;
}

/**
 * The URLs of the media library, whichever store holds its bytes: the one Ghee prints for a file,
 * and the ones it recognises as its own (under PUBLIC_URL's `/media/` and under MEDIA_PUBLIC_URL,
 * so a value read back from either and written again needs no download). `publicUrl` may be a
 * function, for servers that learn their address only once listening.
 */
export class PublicMediaUrls {
  constructor(
    private readonly publicUrl: string | (() => string),
    private readonly mediaPublicUrl?: string,
  ) {}

  /** The absolute URL of a stored file name. */
  urlFor(name: string): string {
    return `${this.mediaPublicUrl ? stripSlash(this.mediaPublicUrl) : this.gheeBase()}/${name}`;
  }

  /** The value to store and the file named, for one of the library's URLs; else null. */
  ownMedia(url: string): OwnMedia | null {
    // The longest base that matches decides: with MEDIA_PUBLIC_URL = PUBLIC_URL, `.../media/x.png`
    // is the Ghee URL of x.png, not a task `media` before it.
    const base = this.bases()
      .sort((a, b) => b.length - a.length)
      .find((b) => url.startsWith(`${b}/`));
    if (base === undefined) return null;
    const rest = url.slice(base.length + 1);
    const file = parseMediaPath(rest.split(/[?#]/)[0]!);
    return file && { value: `/media/${rest.split('#')[0]}`, file };
  }

  /** True when `url` is one of the library's URLs. */
  isOwnUrl(url: string): boolean {
    return this.ownMedia(url) !== null;
  }

  private bases(): string[] {
    return this.mediaPublicUrl ? [this.gheeBase(), stripSlash(this.mediaPublicUrl)] : [this.gheeBase()];
  }

  /** `<PUBLIC_URL>/media`. */
  private gheeBase(): string {
    const url = typeof this.publicUrl === 'function' ? this.publicUrl() : this.publicUrl;
    return `${stripSlash(url)}/media`;
  }
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** An attribute of sanitised HTML that may name a library file: sanitize-html always writes `name="value"`. */
const URL_ATTRIBUTE = /(\s(?:src|href|srcset)=")([^"]*)"/g;

/**
 * Rich text with its library files (`src`, `href` and every `srcset` candidate stored as
 * `/media/...`, as imports write them) as absolute URLs, the way media fields read back. Only
 * sanitised HTML is stored, where a `"` inside text is `&quot;`, so an attribute match is an
 * attribute. HTML without such a path is returned as it is, at the cost of one search.
 */
export function absoluteMediaInHtml(html: string, publicUrl: string, mediaPublicUrl?: string): string {
  if (!html.includes('/media/')) return html;
  return html.replace(URL_ATTRIBUTE, (whole, start: string, value: string) => {
    if (!value.includes('/media/')) return whole;
    const absolute = (url: string) => absoluteMediaUrl(url, publicUrl, mediaPublicUrl);
    const next = start.endsWith('srcset="')
      ? value
          .split(',')
          .map((candidate) =>
            candidate.replace(/^(\s*)(\S+)/, (_m, space: string, url: string) => space + absolute(url)),
          )
          .join(',')
      : absolute(value);
    return `${start}${next}"`;
  });
}
