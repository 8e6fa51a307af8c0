// The rich-text allow-list (docs/api.md §8, "Sanitised HTML"): the server's sanitiser keeps only
// these (src/content/write/sanitize-html.ts) and the dashboard shows only these, so the editor
// shows what Ghee stores.

/** Elements kept; any other is dropped (its text kept, unless it is code or raw text). */
export const HTML_TAGS: readonly string[] = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code'],
  ...['ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span', 'div', 'figure', 'figcaption', 'small', 'mark'],
  // Responsive images: the sizes of one image (`/media/resize=width:400/<file> 400w, ...`).
  ...['picture', 'source'],
];

const CELL = ['colspan', 'rowspan'];

/** Attributes kept, per element; every other attribute (`on*`, `style`, `class`) is dropped. */
export const HTML_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'target', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height'],
  source: ['srcset', 'sizes', 'media', 'type', 'width', 'height'],
  th: CELL,
  td: CELL,
};

/**
 * URL schemes kept in `href` and `src` (`img` only the first two, as every `srcset` candidate);
 * relative URLs are kept too.
 */
export const HTML_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];
