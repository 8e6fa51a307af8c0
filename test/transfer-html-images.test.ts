import { afterEach, describe, expect, it } from 'vitest';
import { configureHtmlLimits, DEFAULT_HTML_LIMITS } from '../src/content/write/html-limits.js';
import { htmlImages, rewriteHtmlImages } from '../src/transfer/html-images.js';

// The images of rich text, found with the sanitiser's parser and rewritten tag by tag: what the
// ButterCMS import downloads and points at the library, and what an export counts as used.

const upper = (url: string) => (url.startsWith('http') ? url.toUpperCase() : undefined);

describe('htmlImages', () => {
  it('finds img src, every srcset candidate and the sources of a picture, with their alt text', () => {
    const html =
      '<p>x</p><img src="https://a.example/1.png" srcset="https://a.example/resize=width:200,height:100/1 200w, https://a.example/2.png 2x" alt=" A cat ">' +
      '<picture><source srcset="https://a.example/3.webp"><source srcset="https://a.example/4.png 1x"><img src="https://a.example/5.png" alt="Dog"></picture>' +
      '<img srcset="https://a.example/6.png">';
    expect(htmlImages(html)).toEqual([
      { url: 'https://a.example/1.png', alt: 'A cat' },
      { url: 'https://a.example/resize=width:200,height:100/1', alt: 'A cat' },
      { url: 'https://a.example/2.png', alt: 'A cat' },
      { url: 'https://a.example/3.webp', alt: 'Dog' },
      { url: 'https://a.example/4.png', alt: 'Dog' },
      { url: 'https://a.example/5.png', alt: 'Dog' },
      { url: 'https://a.example/6.png', alt: '' },
    ]);
  });

  it.for([
    ['a comment', '<!-- <img src="https://a.example/1.png"> -->'],
    ['a textarea', '<textarea><img src="https://a.example/1.png"></textarea>'],
    ['a script', '<script>"<img src=https://a.example/1.png>"</script>'],
    ['text', 'an &lt;img src="https://a.example/1.png"&gt; tag'],
    ['a source outside img and source', '<a href="https://a.example/1.png">x</a><video src="https://a.example/v.mp4">'],
  ])('finds no image in %s', ([, html]) => {
    expect(htmlImages(html!)).toEqual([]);
  });

  it('reads attribute values decoded, as a browser would', () => {
    expect(htmlImages('<IMG SRC="https://a.example/a?x=1&amp;y=2" ALT=\'&quot;q&quot;\'>')).toEqual([
      { url: 'https://a.example/a?x=1&y=2', alt: '"q"' },
    ]);
  });
});

describe('rewriteHtmlImages', () => {
  afterEach(() => configureHtmlLimits(DEFAULT_HTML_LIMITS));

  it('rewrites only the tags it changes, every other byte as it was', () => {
    const html =
      '<P class=x>Keep  <b>this</b></P>\n<img  src="https://a.example/1.png" alt="A" width=10>' +
      '<picture><source srcset="https://a.example/2.png 300w,https://a.example/3.png 600w" media="(min-width: 1px)"><img src="/local.png"/></picture>';
    expect(rewriteHtmlImages(html, upper)).toBe(
      '<P class=x>Keep  <b>this</b></P>\n<img src="HTTPS://A.EXAMPLE/1.PNG" alt="A" width="10">' +
        '<picture><source srcset="HTTPS://A.EXAMPLE/2.PNG 300w, HTTPS://A.EXAMPLE/3.PNG 600w" media="(min-width: 1px)"><img src="/local.png"/></picture>',
    );
  });

  it('returns the same text when nothing changes', () => {
    const html = '<img src="/a.png" srcset="/b.png 2x"><p>x</p>';
    expect(rewriteHtmlImages(html, () => undefined)).toBe(html);
    expect(rewriteHtmlImages(html, (url) => url)).toBe(html);
  });

  it('gives the map each image alt text, a source the alt of its picture', () => {
    const seen: string[] = [];
    rewriteHtmlImages(
      '<picture><source srcset="/s.png"><img src="/i.png" alt="Both"></picture><img src="/lone.png">',
      (url, alt) => void seen.push(`${url}=${alt}`),
    );
    expect(seen).toEqual(['/s.png=Both', '/i.png=Both', '/lone.png=']);
  });

  it('writes new values escaped, self-closing tags still self-closing', () => {
    expect(rewriteHtmlImages('<img src="https://a.example/x" alt="a&amp;b"/>', () => '/m?a=1&b="2"')).toBe(
      '<img src="/m?a=1&amp;b=&quot;2&quot;" alt="a&amp;b" />',
    );
  });

  it('leaves out of a rewritten tag an attribute name no browser would read as one', () => {
    expect(rewriteHtmlImages('<img src="https://a.example/x" "onerror=alert(1) alt=ok>', () => '/m.png')).toBe(
      '<img src="/m.png" alt="ok">',
    );
  });

  it('keeps the commas inside a srcset URL, and its descriptors', () => {
    const html = '<img srcset="https://a.example/resize=width:800,height:600/H 800w 600h, https://a.example/H 1.5x">';
    expect(rewriteHtmlImages(html, upper)).toBe(
      '<img srcset="HTTPS://A.EXAMPLE/RESIZE=WIDTH:800,HEIGHT:600/H 800w 600h, HTTPS://A.EXAMPLE/H 1.5x">',
    );
  });

  it.for([
    [
      'larger than HTML_MAX_BYTES',
      { maxBytes: 64, maxDepth: 256 },
      `<img src="https://a.example/1.png">${'x'.repeat(64)}`,
    ],
    [
      'nested deeper than HTML_MAX_DEPTH',
      { maxBytes: 1 << 20, maxDepth: 3 },
      '<div><div><div><div><img src="https://a.example/1.png">',
    ],
  ] as const)('leaves HTML %s as it is, unread (the sanitiser refuses it)', ([, limits, html]) => {
    configureHtmlLimits(limits);
    expect(htmlImages(html)).toEqual([]);
    expect(rewriteHtmlImages(html, upper)).toBe(html);
  });
});
