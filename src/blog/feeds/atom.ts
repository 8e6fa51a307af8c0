import { authorName, postLink, type FeedSource } from './feed-source.js';
import { el, textEl, xmlDocument } from './xml.js';

/**
 * An Atom 1.0 document. Ids are the posts' absolute links; timestamps are RFC 3339 (the API's
 * own format); the body HTML is `content type="html"`, escaped.
 */
export function atomFeed(source: FeedSource): string {
  const entries = source.posts.map((post) => {
    const link = postLink(source, post);
    return el('entry', {}, [
      textEl('title', post.title, { type: 'text' }),
      textEl('id', link),
      el('link', { rel: 'alternate', href: link }),
      textEl('published', post.published),
      textEl('updated', post.updated),
      el('author', {}, textEl('name', authorName(post))),
      ...post.categories.map((c) => el('category', { term: c.name })),
      textEl('summary', post.summary, { type: 'text' }),
      textEl('content', post.body, { type: 'html' }),
    ].join(''));
  });
  const feed = el('feed', { xmlns: 'http://www.w3.org/2005/Atom' }, [
    textEl('title', source.title, { type: 'text' }),
    textEl('id', `${source.siteUrl}/`),
    el('link', { rel: 'alternate', href: `${source.siteUrl}/` }),
    el('link', { rel: 'self', href: source.selfUrl, type: 'application/atom+xml' }),
    textEl('updated', source.updated),
    ...entries,
  ].join('\n'));
  return xmlDocument(feed);
}
