// An SVG file is XML text whose root element is `svg`. Before the root may come a UTF-8 byte
// order mark, white space, the XML declaration, processing instructions, comments and a doctype;
// nothing else. The whole prolog must fit in the bytes sniffed (media-store.ts SNIFF_BYTES).

const BOM = '\ufeff';
/** The root's start tag: `svg` without a prefix, then white space, `>` or `/`. */
const SVG_ROOT = /^<svg[\s/>]/;

/**
 * True when `head`, the first bytes of a file, is the start of an SVG document. Only the prolog
 * and the root's name are read: whether the rest is well-formed is the sanitiser's to find out.
 */
export function looksLikeSvg(head: Uint8Array): boolean {
  let text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  if (text.startsWith(BOM)) text = text.slice(BOM.length);
  let at = skipSpace(text, 0);
  for (;;) {
    const next = skipPrologItem(text, at);
    if (next === null) break;
    if (next < 0) return false; // an item cut off by the end of the head
    at = skipSpace(text, next);
  }
  return SVG_ROOT.test(text.slice(at, at + 5));
}

/** The index after one prolog item starting at `at`; null when none starts there, -1 when it does not end. */
function skipPrologItem(text: string, at: number): number | null {
  if (text.startsWith('<?', at)) return after(text, '?>', at + 2);
  if (text.startsWith('<!--', at)) return after(text, '-->', at + 4);
  if (text.startsWith('<!DOCTYPE', at)) return skipDoctype(text, at + 9);
  return null;
}

/** A doctype ends at the first `>` outside its internal subset (`[...]`). */
function skipDoctype(text: string, at: number): number {
  const close = text.indexOf('>', at);
  const subset = text.indexOf('[', at);
  if (subset < 0 || (close >= 0 && close < subset)) return close < 0 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd < 0 ? -1 : after(text, '>', subsetEnd);
}

function after(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  return at;
}
