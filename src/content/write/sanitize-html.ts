import sanitize from 'sanitize-html';

const CELL = ['colspan', 'rowspan'];

/**
 * The allow-list of API.md section 8 ("Sanitised HTML"). Everything not named here is dropped:
 * tags (their text kept, except inside `nonTextTags`), attributes (every `on*`, `style`, `class`),
 * and URLs whose scheme is not listed. Relative URLs are kept.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li',
    'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span', 'div', 'figure', 'figcaption', 'small', 'mark',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: CELL,
    td: CELL,
  },
  // The library strips control characters and whitespace before it reads the scheme, and
  // compares it case-insensitively, so `jav&#x09;ascript:` and ` JAVASCRIPT:` are refused too.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  // Dropped elements whose content is code or raw text rather than prose: their text goes too.
  nonTextTags: [
    'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'template',
    'iframe', 'object', 'embed', 'title',
  ],
  disallowedTagsMode: 'discard',
  allowVulnerableTags: false,
};

/** Passes after which an output that still changes is returned as it is (each pass is safe). */
const MAX_PASSES = 5;

/**
 * Sanitises user HTML (WYSIWYG values, post bodies) before it is stored. Idempotent: the output
 * comes back unchanged from a second call. `<br>` and `<img>` come out self-closed (`<br />`).
 *
 * @example sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // '<p>Hi</p>'
 */
export function sanitizeHtml(html: string): string {
  // One pass is not always a fixed point: htmlparser2 closes elements implicitly only when the
  // element to close is the innermost open one, so a dropped tag can keep `<td><td>` (or
  // `<li><li>`) nested on the first pass, and the second pass then closes the first one.
  // Passing again until nothing changes makes the stored value what a re-save would store.
  let out = sanitize(html, OPTIONS);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const again = sanitize(out, OPTIONS);
    if (again === out) break;
    out = again;
  }
  return out;
}
