import { authorName, postLink, type FeedSource } from './feed-source.js';
import { el, textEl, xmlDocument } from './xml.js';

// The root element's namespaces, in ButterCMS's order; `dc` is declared on each dc:creator, as it does.
const ROOT = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
  version: '2.0',
};
const DC = { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' };

/** RFC 822 dates as ButterCMS writes them (`Mon, 10 Mar 2025 09:00:00 +0000`). */
const rfc822 = (iso: string) => new Date(iso).toUTCString().replace(/GMT$/, '+0000');

/**
 * An RSS 2.0 document, element for element as ButterCMS writes it: the channel's title, link,
 * empty description, self link, language and last build date; per post its title, link, featured
 * image as `media:content`, author as `dc:creator`, date, guid, summary as `description` and body
 * as `content:encoded` (escaped text rather than CDATA: the same text to a parser). Ghee adds each
 * post's categories after those.
 */
export function rssFeed(source: FeedSource): string {
  const self = `${source.root}rss/`;
  const items = source.posts.map((post) => {
    const link = postLink(source, post);
    return el(
      'item',
      {},
      [
        textEl('title', post.title),
        textEl('link', link),
        ...(post.featured_image ? [el('media:content', { medium: 'image', url: post.featured_image })] : []),
        textEl('dc:creator', authorName(post), DC),
        textEl('pubDate', rfc822(post.published)),
        textEl('guid', link),
        textEl('description', post.summary),
        textEl('content:encoded', post.body),
        ...post.categories.map((c) => textEl('category', c.name)),
      ].join(''),
    );
  });
  const channel = el(
    'channel',
    {},
    [
      '',
      textEl('title', source.title),
      textEl('link', self),
      el('description'),
      el('atom:link', { href: self, rel: 'self' }),
      textEl('language', source.language),
      textEl('lastBuildDate', rfc822(source.updated)),
      ...items,
      '',
    ].join('\n'),
  );
  return xmlDocument(el('rss', ROOT, `\n${channel}\n`));
}
