import sanitize from 'sanitize-html';
import { HTML_ATTRIBUTES, HTML_TAGS, HTML_URL_SCHEMES } from '../../shared/html-allow-list.js';
import { HtmlLimitError, type HtmlLimits } from './html-limits.js';
import { parseSrcset, stringifySrcset, validDescriptor } from './srcset.js';

/**
 * A link that opens another browsing context gets `rel="noopener noreferrer"` (kept tokens first),
 * so the page it opens cannot reach back through `window.opener` or learn the referring URL.
 * Any `target` counts: a named target opens a new context just as `_blank` does.
 */
function relForTarget(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  if (attribs.target === undefined) return { tagName, attribs };
  const rel = (attribs.rel ?? '').split(/\s+/).filter(Boolean);
  for (const token of ['noopener', 'noreferrer']) if (!rel.some((t) => t.toLowerCase() === token)) rel.push(token);
  return { tagName, attribs: { ...attribs, rel: rel.join(' ') } };
}

/**
 * Keeps the `srcset` candidates whose descriptors the standard accepts (a browser ignores the
 * others). sanitize-html checks each one's URL next; its parser prints every invalid candidate
 * to standard output, which writers must not be able to fill, so it never sees one.
 */
function validSrcset(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  if (attribs.srcset === undefined) return { tagName, attribs };
  const kept = stringifySrcset(parseSrcset(attribs.srcset).filter((c) => validDescriptor(c.descriptor)));
  // In place, so the attributes keep their order.
  const out = Object.entries(attribs).flatMap(([k, v]) => (k !== 'srcset' ? [[k, v]] : kept ? [[k, kept]] : []));
  return { tagName, attribs: Object.fromEntries(out) as sanitize.Attributes };
}

/**
 * The allow-list of docs/api.md ("Sanitised HTML", src/shared/html-allow-list.ts). Everything not named there is dropped:
 * tags (their text kept, except inside `nonTextTags`), attributes (every `on*`, `style`, `class`),
 * and URLs whose scheme is not listed. Relative URLs are kept.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [...HTML_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(HTML_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  // The library strips control characters and whitespace before it reads the scheme, and
  // compares it case-insensitively, so `jav&#x09;ascript:` and ` JAVASCRIPT:` are refused too.
  allowedSchemes: [...HTML_URL_SCHEMES],
  // sanitize-html checks each `srcset` candidate (img and source alike) under the key `srcset`,
  // dropping a candidate whose scheme is not listed, and the attribute when none is left.
  allowedSchemesByTag: { img: ['http', 'https'], srcset: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  // Dropped elements whose content is code or raw text rather than prose: their text goes too.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'xmp',
    'noscript',
    'noembed',
    'noframes',
    'template',
    'iframe',
    'object',
    'embed',
    'title',
  ],
  // `<source>` is void as `<img>` is: written `<source ... />`, never with an end tag.
  selfClosing: [...sanitize.defaults.selfClosing, 'source'],
  transformTags: { a: relForTarget, img: validSrcset, source: validSrcset },
  disallowedTagsMode: 'discard',
  allowVulnerableTags: false,
};

/**
 * Sanitises user HTML (WYSIWYG values, post bodies) in one pass of sanitize-html, refusing input
 * past `limits` before it costs more than a linear scan: the size is checked first, and the
 * nesting depth is counted on the parser's own open and close events, so the pass stops at the
 * first element that would go deeper than allowed (the parser's cost per tag grows with depth).
 * Throws HtmlLimitError then (every caller in src/ passes limits: html-worker.ts). `<br>`,
 * `<img>` and `<source>` come out self-closed (`<br />`).
 *
 * A second call returns its output unchanged, except for malformed markup where a dropped
 * element hid an implied end tag (`<li>a<foo><li>b`): a re-save may tidy that further, and
 * every pass is safe on its own.
 *
 * @example sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // '<p>Hi</p>'
 */
export function sanitizeHtml(html: string, limits?: HtmlLimits): string {
  if (!limits) return sanitize(html, OPTIONS);
  if (html.length > limits.maxBytes || Buffer.byteLength(html, 'utf8') > limits.maxBytes)
    throw new HtmlLimitError('size', limits.maxBytes);
  let depth = 0;
  return sanitize(html, {
    ...OPTIONS,
    onOpenTag: () => {
      if (++depth > limits.maxDepth) throw new HtmlLimitError('depth', limits.maxDepth);
    },
    onCloseTag: () => void depth--,
  });
}
