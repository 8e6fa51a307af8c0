import DOMPurify from 'dompurify';
import { HTML_ATTRIBUTES, HTML_TAGS } from '../../../src/shared/html-allow-list';

// The server's allow-list, so the editor shows what Ghee stores, and nothing that could run: no
// script, no event handler, no style, no javascript: URL.
const ALLOWED_TAGS = [...HTML_TAGS];
const ALLOWED_ATTR = [...new Set(Object.values(HTML_ATTRIBUTES).flat())];

/**
 * HTML fit to assign to `innerHTML` in the dashboard: whatever the server sent (or someone typed
 * into the HTML view), it is sanitised in the browser first. The Content-Security-Policy is the
 * second wall: even markup that got through both would run no inline script.
 */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
    ALLOW_DATA_ATTR: false,
  });
}
