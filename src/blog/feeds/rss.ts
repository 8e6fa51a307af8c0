import { authorName, postLink, type FeedSource } from './feed-source.js';
import { el, textEl, xmlDocument } from './xml.js';

const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

/** RFC 822 dates, as RSS 2.0 wants them (`Sun, 17 May 2026 14:13:46 GMT`). */
const rfc822 = (iso: string) => new Date(iso).toUTCString();

/**
 * An RSS 2.0 document: the summary as `description`, the body HTML as `content:encoded` (both as
 * escaped text), the author as `dc:creator` (RSS's own `author` wants an email address).
 */
export function rssFeed(source: FeedSource): string {
  const items = source.posts.map((post) => {
    const link = postLink(source, post);
    return el('item', {}, [
      textEl('title', post.title),
      textEl('link', link),
      textEl('guid', link, { isPermaLink: 'true' }),
      textEl('pubDate', rfc822(post.published)),
      textEl('dc:creator', authorName(post)),
      ...post.categories.map((c) => textEl('category', c.name)),
      textEl('description', post.summary),
      textEl('content:encoded', post.body),
    ].join(''));
  });
  const channel = el('channel', {}, [
    textEl('title', source.title),
    textEl('link', `${source.siteUrl}/`),
    textEl('description', `Posts of ${source.title}`),
    el('atom:link', { href: source.selfUrl, rel: 'self', type: 'application/rss+xml' }),
    textEl('lastBuildDate', rfc822(source.updated)),
    ...items,
  ].join('\n'));
  return xmlDocument(el('rss', NAMESPACES, channel));
}
