import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { scanSvgMarkup } from './scan-svg-markup.js';
import { enforceSvgRules } from './enforce-svg-rules.js';
import type { SvgOutcome, SvgTask } from './svg-refusal.js';
import { isAllowedReference, isExternalCss, isReferenceAttribute } from './svg-references.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Where jsdom's XML parser puts the document it returns for malformed text. */
const PARSE_ERROR_NS = 'http://www.mozilla.org/newlayout/xml/parsererror.xml';

/**
 * DOMPurify's SVG profile (no script, foreignObject, event handlers, javascript: URLs, animation
 * of `href`, comments or processing instructions), plus `<use>`, which it drops, but which icons
 * need and which is safe once its reference may only be a `#fragment` (the hook below).
 */
const CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ['use'],
  // A dropped element goes with its content: the text of an `<h:script>` must not stay behind as text.
  KEEP_CONTENT: false,
  IN_PLACE: true,
};

let tools: { window: JSDOM['window']; purify: DOMPurify } | undefined;

/** Builds the thread's window and DOMPurify now rather than with its first file. */
export function prepareSanitizer(): void {
  sanitizer();
}

/** One window and one DOMPurify per thread, built on first use (building them takes ~100 ms). */
function sanitizer(): NonNullable<typeof tools> {
  if (tools) return tools;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window);
  // External references go wherever DOMPurify would keep them: links, `<use>`, `<image>`, CSS.
  purify.addHook('uponSanitizeAttribute', (node, event) => {
    const { attrName: name, attrValue: value } = event;
    const keep = isReferenceAttribute(name) ? isAllowedReference(node.nodeName, value) : !isExternalCss(value);
    if (!keep) event.keepAttr = false;
  });
  tools = { window, purify };
  return tools;
}

/**
 * Sanitises an SVG file: UTF-8 XML whose root is `<svg>` in the SVG namespace, within the task's
 * limits, comes back as the same drawing without anything that runs or loads: no script, event
 * handler, foreignObject, external reference (links, `<use>`, `<image>`, CSS `url()` and
 * `@import` to anything but a `#fragment` of the file, bar raster data: images), no doctype,
 * entity, comment or processing instruction. What DOMPurify keeps is then checked again by
 * enforce-svg-rules.ts. Anything else is refused, with the reason.
 */
export function sanitizeSvg(task: SvgTask): SvgOutcome {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(task.bytes);
  } catch {
    return { refused: { reason: 'encoding' } };
  }
  const scanned = scanSvgMarkup(text, task);
  if (scanned) return { refused: scanned };
  const { window, purify } = sanitizer();
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI === PARSE_ERROR_NS)
    return { refused: { reason: 'malformed', where: (root.textContent ?? '').trim().slice(0, 200) } };
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') return { refused: { reason: 'root' } };
  keepCdataAsText(doc);
  purify.sanitize(root, CONFIG);
  enforceSvgRules(root);
  if (root.firstElementChild === null) return { refused: { reason: 'empty' } };
  // The root alone: the doctype and anything else around it stay behind.
  return { svg: new window.XMLSerializer().serializeToString(root) };
}

/** CDATA sections (a `<style>` written by Inkscape) become plain text, which DOMPurify keeps and the CSS check reads. */
function keepCdataAsText(doc: Document): void {
  const walker = doc.createTreeWalker(doc.documentElement, 0x8 /* NodeFilter.SHOW_CDATA_SECTION */);
  const sections: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) sections.push(node);
  for (const node of sections) node.parentNode!.replaceChild(doc.createTextNode(node.nodeValue ?? ''), node);
}
