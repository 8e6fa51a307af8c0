import DOMPurify from 'dompurify';

// The server's allow-list (src/content/write/sanitize-html.ts), so the editor shows what Ghee
// stores, and nothing that could run: no script, no event handler, no style, no javascript: URL.
const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'span',
  'div',
  'figure',
  'figcaption',
  'small',
  'mark',
];
const ALLOWED_ATTR = ['href', 'title', 'target', 'rel', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan'];

/**
 * HTML fit to assign to `innerHTML` in the dashboard: whatever the server sent (or someone typed
 * into the HTML view), it is sanitised in the browser first. The Content-Security-Policy is the
 * second wall: even markup that got through both would run no inline script.
 */
export function safeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
    ALLOW_DATA_ATTR: false,
  });
}
