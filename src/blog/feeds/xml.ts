// A minimal XML writer for the feeds: every text and attribute value passes through `escapeXml`,
// so a title or body can never break the document or inject markup into it.

/** Characters XML 1.0 does not allow at all (controls other than tab/LF/CR, U+FFFE/F, lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text (or an attribute value) as XML: markup characters escaped, characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An element; `content` is XML already (use `text` for plain text); no content makes it empty. */
export function el(name: string, attributes: Record<string, string> = {}, content?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding plain text. */
export function textEl(name: string, value: string, attributes: Record<string, string> = {}): string {
  return el(name, attributes, escapeXml(value));
}

/** A complete document: the XML declaration, then the root element. */
export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
