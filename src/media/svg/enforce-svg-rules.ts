import { isAllowedReference, isExternalCss, isReferenceAttribute } from './svg-references.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that run, embed or animate something; DOMPurify's profile already drops them all. */
const FORBIDDEN = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'handler',
  'listener',
  'animate',
  'set',
  'discard',
]);

/**
 * The rules of a stored SVG, checked again on DOMPurify's output, so that a gap in its profile
 * (or a change of its defaults in an update) cannot let anything through: every element is SVG
 * and none of FORBIDDEN; no `on*` attribute, `xml:base`, reference other than a `#fragment` (or a
 * raster data: image), nor CSS that loads anything (attributes and `<style>` elements alike).
 * Also drops a `<use>` of something that holds a `<use>`: nested uses multiply (ten levels of ten
 * are ten billion shapes), the SVG version of an entity expansion bomb.
 */
export function enforceSvgRules(root: Element): void {
  const ids = new Map<string, Element>();
  const uses: Element[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const name = element.localName.toLowerCase();
    if (element !== root && (element.namespaceURI !== SVG_NS || FORBIDDEN.has(name))) {
      element.remove();
      continue;
    }
    if (name === 'style' && isExternalCss(element.textContent ?? '')) {
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      if (!isAllowedAttribute(element, attribute)) element.removeAttributeNode(attribute);
    }
    const id = element.getAttribute('id');
    if (id !== null) ids.set(id, element);
    if (name === 'use') uses.push(element);
  }
  for (const use of uses) {
    const href = use.getAttribute('href') ?? use.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    const target = href === null ? undefined : ids.get(href.trim().slice(1));
    if (target && (target.localName === 'use' || target.getElementsByTagNameNS(SVG_NS, 'use').length > 0)) use.remove();
  }
}

function isAllowedAttribute(element: Element, attribute: Attr): boolean {
  const name = attribute.name.toLowerCase();
  if (name.startsWith('on') || name === 'xml:base' || attribute.localName.toLowerCase() === 'base') return false;
  if (isReferenceAttribute(name)) return isAllowedReference(element.localName, attribute.value);
  return !isExternalCss(attribute.value);
}
