import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteMediaInHtml } from '../src/media/public-media-urls.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// Library files in rich text are stored as `/media/...` paths (imports write them so) and read
// back absolute, as media fields do: under PUBLIC_URL, or MEDIA_PUBLIC_URL when set.

const HASH = 'ab'.repeat(32);
const IMG = `/media/${HASH}/cat.png`;
const SMALL = `/media/resize=width:100/${HASH}/cat.png`;

describe('absoluteMediaInHtml', () => {
  it.for<[string, string]>([
    [`<img src="${IMG}" />`, `<img src="${PUBLIC_URL}${IMG}" />`],
    [
      `<img srcset="${SMALL} 100w, ${IMG} 800w" />`,
      `<img srcset="${PUBLIC_URL}${SMALL} 100w, ${PUBLIC_URL}${IMG} 800w" />`,
    ],
    [`<a href="${IMG}">file</a>`, `<a href="${PUBLIC_URL}${IMG}">file</a>`],
    [`<p>src="/media/x.png" in text</p>`, `<p>src="/media/x.png" in text</p>`],
    [`<img src="https://elsewhere.test/media/x.png" />`, `<img src="https://elsewhere.test/media/x.png" />`],
    [`<img alt="/media/x" src="${IMG}" />`, `<img alt="/media/x" src="${PUBLIC_URL}${IMG}" />`],
  ])('%s', ([html, expected]) => {
    expect(absoluteMediaInHtml(html, PUBLIC_URL)).toBe(expected);
  });

  it('puts MEDIA_PUBLIC_URL in front when set', () => {
    expect(absoluteMediaInHtml(`<img src="${IMG}" />`, PUBLIC_URL, 'https://cdn.test/m')).toBe(
      `<img src="https://cdn.test/m/${HASH}/cat.png" />`,
    );
  });
});

describe.each(DIALECTS)('library files in a post body (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads back absolute in the post, lists and feeds', async () => {
    const body = `<p><img src="${IMG}" srcset="${SMALL} 100w, ${IMG} 800w" alt="Cat" /></p>`;
    expect((await s.send('POST', '/v2/posts/', postBody('rich-media', { body }))).status).toBe(202);
    const post = (await s.get('/v2/posts/rich-media/')).body.data;
    expect(post.body).toContain(`src="${PUBLIC_URL}${IMG}"`);
    expect(post.body).toContain(`srcset="${PUBLIC_URL}${SMALL} 100w, ${PUBLIC_URL}${IMG} 800w"`);
    const listed = (await s.get('/v2/posts/?page_size=50')).body.data.find(
      (p: { slug: string }) => p.slug === 'rich-media',
    );
    expect(listed.body).toBe(post.body);
    const rss = await s.app.inject({ url: `/v2/feeds/rss/?auth_token=${s.demo.read_token}` });
    expect(rss.body).toContain(`${PUBLIC_URL}${SMALL} 100w`);
  });
});
