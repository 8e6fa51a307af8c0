import { Parser } from 'htmlparser2';
import { htmlLimits } from '../content/write/html-limits.js';
import { parseSrcset, stringifySrcset } from '../content/write/srcset.js';

/** Says what an image URL of rich text becomes: its new URL, or undefined to leave it. */
export type ImageUrlMap = (url: string, alt: string) => string | undefined;

/** An image URL found in rich text, with the alt text of its image ('' when it has none). */
export interface HtmlImage {
  url: string;
  alt: string;
}

/** Attribute names written back as they were read; any other is left out of a rewritten tag. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_:.-]*$/;

interface ImageTag {
  start: number;
  end: number;
  name: string;
  attribs: Record<string, string>;
  selfClosing: boolean;
  /** The images of this tag: its `src` (an img's) and every `srcset` candidate. */
  urls: HtmlImage[];
}

/**
 * Finds the images of rich text (`<img src>`, every candidate of `<img srcset>` and of
 * `<source srcset>`; a `<source>` of a `<picture>` takes the alt of the picture's `<img>`) with
 * htmlparser2, the sanitiser's own parser, and rewrites their URLs as `map` says. Only the start
 * tags it changes are written anew; every other byte stays as it was, and the caller sanitises the
 * result as any rich text. HTML past the HTML limits is returned as it is, unread: the sanitiser
 * refuses it anyway, and naming where is its job.
 */
export function rewriteHtmlImages(html: string, map: ImageUrlMap): string {
  const tags = imageTags(html);
  if (!tags.length) return html;
  let out = '';
  let at = 0;
  for (const tag of tags) {
    const alt = tag.urls[0]?.alt ?? '';
    const attribs = { ...tag.attribs };
    let changed = false;
    const src = tag.name === 'img' ? attribs.src?.trim() : undefined;
    const next = src ? map(src, alt) : undefined;
    if (next !== undefined && next !== src) [attribs.src, changed] = [next, true];
    if (attribs.srcset !== undefined) {
      const candidates = parseSrcset(attribs.srcset);
      const mapped = candidates.map((c) => ({ ...c, url: map(c.url, alt) ?? c.url }));
      if (mapped.some((c, i) => c.url !== candidates[i]!.url))
        [attribs.srcset, changed] = [stringifySrcset(mapped), true];
    }
    if (!changed) continue;
    out += html.slice(at, tag.start) + startTag(tag.name, attribs, tag.selfClosing);
    at = tag.end;
  }
  return at === 0 ? html : out + html.slice(at);
}

/** Every image URL of rich text, in document order, with its alt text. */
export function htmlImages(html: string): HtmlImage[] {
  return imageTags(html).flatMap((tag) => tag.urls);
}

/** The `img` and `source` tags that name images, with where each starts and ends; [] past the limits. */
function imageTags(html: string): ImageTag[] {
  if (!/<(img|source)\b/i.test(html)) return [];
  const limits = htmlLimits();
  if (html.length > limits.maxBytes || Buffer.byteLength(html, 'utf8') > limits.maxBytes) return [];
  const tags: ImageTag[] = [];
  // The sources of each open <picture>, waiting for its <img> to give them its alt.
  const pictures: HtmlImage[][] = [];
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs, implied) {
        if (++depth > limits.maxDepth) throw new TooDeep();
        if (name === 'picture') pictures.push([]);
        if (implied || (name !== 'img' && name !== 'source')) return;
        const alt = name === 'img' ? (attribs.alt ?? '').trim() : '';
        const urls: HtmlImage[] = [];
        if (name === 'img' && attribs.src?.trim()) urls.push({ url: attribs.src.trim(), alt });
        for (const { url } of parseSrcset(attribs.srcset ?? '')) urls.push({ url, alt });
        if (!urls.length) return;
        const picture = pictures[pictures.length - 1];
        if (name === 'source') picture?.push(...urls);
        else if (picture) for (const image of picture.splice(0)) image.alt ||= alt;
        const end = parser.endIndex + 1;
        tags.push({
          start: parser.startIndex,
          end,
          name,
          attribs,
          selfClosing: html.slice(parser.startIndex, end).endsWith('/>'),
          urls,
        });
      },
      onclosetag(name) {
        depth--;
        if (name === 'picture') pictures.pop();
      },
    },
    { decodeEntities: true },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooDeep) return [];
    throw error;
  }
  return tags;
}

/** Nesting past HTML_MAX_DEPTH: the parse stops there, as the sanitiser's does. */
class TooDeep extends Error {}

/** A start tag from its attributes, values quoted and escaped as the sanitiser writes them. */
function startTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  const parts = Object.entries(attribs)
    .filter(([key]) => ATTRIBUTE_NAME.test(key))
    .map(([key, value]) => ` ${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  return `<${name}${parts.join('')}${selfClosing ? ' />' : '>'}`;
}
