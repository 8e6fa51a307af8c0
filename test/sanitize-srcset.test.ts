import { describe, expect, it, vi } from 'vitest';
import { sanitizeHtml } from '../src/content/write/sanitize-html.js';

// Responsive images in rich text (issue 18): `srcset` on img and source, `<picture>`. Every
// candidate's URL is held to the rule of `img src` (http, https or relative); the image service's
// task URLs (`/media/resize=width:400/<file>`, with `:` and `,` in their path) come through whole.

const FILE = `${'a'.repeat(64)}.png`;

describe('sanitizeHtml: srcset and picture', () => {
  it.for([
    `<img src="/media/${FILE}" srcset="/media/resize=width:400/${FILE} 400w, /media/resize=width:800/quality=value:80/${FILE} 800w" sizes="(max-width: 600px) 400px, 800px" alt="A cat" />`,
    `<img srcset="https://cdn.example/resize=width:800,height:600/AbC 1x, http://cdn.example/AbC 2x" />`,
    `<picture><source srcset="/media/output=format:webp/${FILE}" type="image/webp" media="(min-width: 600px)" /><source srcset="/media/resize=width:400/${FILE} 400w" sizes="50vw" width="400" height="300" /><img src="/media/${FILE}" alt="" /></picture>`,
    `<img srcset="//cdn.example/a.png 1x" />`,
  ])('keeps %s unchanged, and a second pass too', (html) => {
    expect(sanitizeHtml(html)).toBe(html);
    expect(sanitizeHtml(sanitizeHtml(html))).toBe(html);
  });

  it('writes a source without an end tag, as img is', () => {
    expect(sanitizeHtml('<picture><source srcset="/a.png"></source><img src="/a.png"></picture>')).toBe(
      '<picture><source srcset="/a.png" /><img src="/a.png" /></picture>',
    );
  });

  it.for([
    ['javascript:', 'javascript:alert(1) 2x'],
    ['JAVASCRIPT: in capitals', 'JaVaScRiPt:alert(1) 2x'],
    ['data:', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4= 2x'],
    ['vbscript:', 'vbscript:msgbox(1) 2x'],
    ['mailto:', 'mailto:a@example.com 2x'],
    ['ftp:', 'ftp://example.com/a.png 2x'],
    ['a leading space', ' javascript:alert(1) 2x'],
  ])('drops a %s candidate from img and source, keeping the others', ([, bad]) => {
    const keep = `/media/resize=width:400/${FILE} 400w`;
    expect(sanitizeHtml(`<img srcset="${keep}, ${bad}" alt="x">`)).toBe(`<img srcset="${keep}" alt="x" />`);
    expect(sanitizeHtml(`<picture><source srcset="${bad}, ${keep}"></picture>`)).toBe(
      `<picture><source srcset="${keep}" /></picture>`,
    );
  });

  it.for([
    '<img srcset="javascript:alert(1)">',
    '<img srcset="javascript:alert(1) 1x, data:text/html,x 2x">',
    '<img srcset="jav&#x09;ascript:alert(1) 1x">',
    '<img srcset="&#106;avascript:alert(1)">',
    '<source srcset="java\0script:alert(1)">',
  ])('leaves no active URL of %s', (html) => {
    const out = sanitizeHtml(html);
    expect(out).not.toMatch(/script:|data:/i);
    expect(sanitizeHtml(out)).toBe(out);
  });

  it('drops candidates whose descriptors a browser would ignore, and prints nothing about them', () => {
    const log = vi.spyOn(console, 'log');
    try {
      expect(
        sanitizeHtml('<img srcset="/a.png 1x 2x, /b.png foo, /c.png 0w, /d.png -1x, /e.png 800w 600h,/f.png 2x">'),
      ).toBe('<img srcset="/e.png 800w 600h, /f.png 2x" />');
      sanitizeHtml('<img srcset="jav&#x09;ascript:alert(1) 1x">');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('drops the attribute when no candidate is left', () => {
    expect(sanitizeHtml('<img src="/a.png" srcset="javascript:alert(1) 1x, data:x 2x">')).toBe('<img src="/a.png" />');
  });

  it("keeps only a source's own attributes: no src, no event handler, no style", () => {
    expect(
      sanitizeHtml('<video><source src="/a.mp4" srcset="/a.png" onerror="alert(1)" style="x" class="c"></video>'),
    ).toBe('<source srcset="/a.png" />');
    expect(sanitizeHtml('<picture onclick="x()"><img src="/a.png" sizes="1px" loading="lazy"></picture>')).toBe(
      '<picture><img src="/a.png" sizes="1px" /></picture>',
    );
  });
});
