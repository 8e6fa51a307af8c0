/** One candidate of a `srcset`: its URL and its descriptor (`800w`, `2x`, or ''). */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/** Candidates past this many are not read: no real `srcset` comes near it. */
const MAX_CANDIDATES = 100;

/**
 * Reads a `srcset` as the HTML standard does: a URL runs to the next whitespace (a URL ending in
 * commas ends its candidate there), then its descriptors to the next comma outside parentheses.
 * So a URL may hold commas itself (ButterCMS's `resize=width:800,height:600`).
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
  while (i < value.length && out.length < MAX_CANDIDATES) {
    while (i < value.length && (space(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !space(value[i])) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const from = i;
      let parens = 0;
      for (; i < value.length; i++) {
        const c = value[i];
        if (c === '(') parens++;
        else if (c === ')') parens = Math.max(0, parens - 1);
        else if (c === ',' && parens === 0) break;
      }
      descriptor = value.slice(from, i).trim().replace(/\s+/g, ' ');
      i++;
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

const WIDTH = /^[1-9]\d*w$/;
const DENSITY = /^(\d+|\d*\.\d+)x$/;
const HEIGHT = /^[1-9]\d*h$/;

/**
 * True for a descriptor the standard accepts: none, a width (`800w`), a density (`2x`), or a
 * width with a height (`800w 600h`).
 */
export function validDescriptor(descriptor: string): boolean {
  if (!descriptor) return true;
  const parts = descriptor.split(' ');
  if (parts.length === 1) return WIDTH.test(parts[0]!) || DENSITY.test(parts[0]!);
  if (parts.length !== 2) return false;
  const [a, b] = parts as [string, string];
  return (WIDTH.test(a) && HEIGHT.test(b)) || (HEIGHT.test(a) && WIDTH.test(b));
}

/** Writes candidates back as a `srcset`: `url descriptor, url descriptor`. */
export function stringifySrcset(candidates: SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}
