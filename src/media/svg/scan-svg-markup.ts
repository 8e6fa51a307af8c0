import type { SvgRefusal, SvgTask } from './svg-refusal.js';

type Limits = Pick<SvgTask, 'maxDepth' | 'maxElements' | 'maxAttributes'>;

/**
 * One linear pass over the text before any DOM is built: refuses a DTD internal subset or entity
 * declaration (entity expansion bombs, external entities), and counts elements, their depth and
 * attributes against the limits, so a file that would cost a thread seconds of DOM building is
 * refused in milliseconds. It does not judge well-formedness (the XML parser does, next): on
 * malformed text its counts may be off, and the parser refuses such text anyway.
 */
export function scanSvgMarkup(text: string, limits: Limits): SvgRefusal | null {
  let depth = 0;
  let elements = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at)) {
    if (text.startsWith('<!--', at)) at = skipTo(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) at = skipTo(text, ']]>', at + 9);
    else if (text.startsWith('<?', at)) at = skipTo(text, '?>', at + 2);
    else if (text.startsWith('<!', at)) {
      // A doctype without an internal subset (`<!DOCTYPE svg PUBLIC "..." "...">`) is harmless.
      const end = skipTo(text, '>', at + 2);
      if (/[[]|<!ENTITY/i.test(text.slice(at + 2, end))) return { reason: 'entities' };
      at = end;
    } else if (text.startsWith('</', at)) {
      depth--;
      at = skipTo(text, '>', at + 2);
    } else {
      const tag = readStartTag(text, at + 1);
      if (tag.attributes > limits.maxAttributes) return { reason: 'attributes', max: limits.maxAttributes };
      if (++elements > limits.maxElements) return { reason: 'elements', max: limits.maxElements };
      if (!tag.selfClosing && ++depth > limits.maxDepth) return { reason: 'depth', max: limits.maxDepth };
      at = tag.end;
    }
  }
  return null;
}

/** A start tag from after its `<`: where it ends, whether it closes itself, and its `=` outside quotes. */
function readStartTag(text: string, from: number): { end: number; selfClosing: boolean; attributes: number } {
  let quote = '';
  let attributes = 0;
  for (let at = from; at < text.length; at++) {
    const c = text[at]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') attributes++;
    else if (c === '>') return { end: at + 1, selfClosing: text[at - 1] === '/', attributes };
  }
  return { end: text.length, selfClosing: true, attributes };
}

function skipTo(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? text.length : found + end.length;
}
