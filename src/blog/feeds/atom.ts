import { authorName, postLink, type FeedSource } from './feed-source.js';
import { el, textEl, xmlDocument } from './xml.js';

/**
 * An Atom 1.0 document, element for element as ButterCMS writes it: `xml:lang`, the title, the
 * RSS feed as the alternate link and the id, this feed as the self link; per post its title,
 * link, dates, author, id and summary. Two differences: the summary is `type="text"` (Ghee's
 * summaries are plain text, where ButterCMS says html), and timestamps keep the API's
 * microseconds. Ghee adds each post's categories and its body as `content type="html"`.
 */
export function atomFeed(source: FeedSource): string {
  const entries = source.posts.map((post) => {
    const link = postLink(source, post);
    return el(
      'entry',
      {},
      [
        textEl('title', post.title),
        el('link', { href: link, rel: 'alternate' }),
        textEl('published', post.published),
        textEl('updated', post.updated),
        el('author', {}, textEl('name', authorName(post))),
        textEl('id', link),
        textEl('summary', post.summary, { type: 'text' }),
        ...post.categories.map((c) => el('category', { term: c.name })),
        textEl('content', post.body, { type: 'html' }),
      ].join(''),
    );
  });
  const feed = el(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': source.language },
    [
      '',
      textEl('title', source.title),
      el('link', { href: `${source.root}rss/`, rel: 'alternate' }),
      el('link', { href: `${source.root}atom/`, rel: 'self' }),
      textEl('id', `${source.root}rss/`),
      textEl('updated', source.updated),
      ...entries,
      '',
    ].join('\n'),
  );
  return xmlDocument(feed);
}
