// What a sanitised SVG may still point at: nothing outside itself. These rules hold for every
// attribute and every `<style>` element; DOMPurify's SVG profile alone keeps http(s) links,
// `<use>` of other files and `url(...)` to anywhere in CSS.

/** `url(#id)`, `url('#id')`, `url("#id")`: a reference to an element of the same file. */
const LOCAL_URL = /url\(\s*(['"]?)#[^'"()\\\s]*\1\s*\)/gi;

/**
 * CSS that can fetch or run something, once local `url(#id)` are taken out: any other `url(`,
 * `image-set()`/`image()`/`cross-fade()`/`element()`/`src()`, `@import` and `@font-face`, old
 * script hooks, and any backslash (a CSS escape can spell `url` or `@import` in disguise) or `<`
 * (markup, should the SVG be pasted into an HTML page).
 */
const FETCHING_CSS =
  /url\s*\(|image-set|image\s*\(|cross-fade|element\s*\(|src\s*\(|@import|@font-face|expression\s*\(|javascript:|-moz-binding|behavior\s*:|[\\<]/i;

/** A raster image inline in an `<image>`: it cannot script, and it loads nothing. */
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** True when CSS text (a `style` attribute, a `<style>` element, any attribute value) could load or run anything. */
export function isExternalCss(text: string): boolean {
  return FETCHING_CSS.test(text.replace(LOCAL_URL, ''));
}

/** Attributes that hold a URL to load or follow: `href`, `xlink:href` (under any prefix), `src`. */
export function isReferenceAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'href' || lower === 'src' || lower.endsWith(':href');
}

/**
 * Whether a reference attribute of element `tag` may keep `value`: a `#fragment` of the same
 * file, or on `<image>` a base64 PNG, JPEG, GIF or WebP. Anything else (http, javascript:, other
 * data: URLs, relative paths) goes.
 */
export function isAllowedReference(tag: string, value: string): boolean {
  const url = value.trim();
  return url.startsWith('#') || (tag.toLowerCase() === 'image' && RASTER_DATA_URL.test(url));
}
